"""Countries as a feature: the country profile's sections, its figures, the printable brief, and the place filter
(countries and country groups) of the Agreements and News pages."""
