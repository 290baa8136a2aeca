"""Knowledge the components read: resource files (validated), macros, deadline phrases."""
