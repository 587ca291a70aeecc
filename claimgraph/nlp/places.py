"""Known places (``data/places.yaml``): countries, their demonyms, provinces and cities.

The small model types "Chad", "Kyiv" or "Lashkar Gah" as people now and then,
and misses "Kigali" in "an allegation Kigali denies". The actor resolver asks
this list whether a name is a place, and which country an adjective belongs to
("Malian" -> Mali), so that "the Malian army" is tied to its state.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimgraph.data import load_yaml
from claimgraph.model import name_key

__all__ = ["Places", "load_places"]


@dataclass(frozen=True)
class Places:
    """Name keys of places with their kind, and of demonyms with their country."""

    countries: dict[str, str]  # key of a country's name -> its name
    regions: dict[str, str]  # key of a province or city named under a country -> the country
    demonyms: dict[str, str]  # key of a demonym ("sudanese") -> the country
    cities: dict[str, int]  # key of a city -> population of the largest of that name

    def kind(self, text: str, min_population: int = 0) -> str | None:
        """``country``, ``region`` or ``city`` when ``text`` names a known place, else None."""
        key = name_key(text)
        if key in self.countries:
            return "country"
        if key in self.regions:
            return "region"
        if self.cities.get(key, -1) >= min_population:
            return "city"
        return None

    def country_name(self, text: str) -> str | None:
        """The canonical name of the country ``text`` names, if it names one."""
        return self.countries.get(name_key(text))

    def country_of(self, word: str) -> str | None:
        """The country a demonym or country name stands for ("Malian", "Sudan's" -> Mali, Sudan)."""
        key = name_key(word)
        return self.demonyms.get(key) or self.countries.get(key)


@lru_cache(maxsize=1)
def load_places() -> Places:
    data = load_yaml("places.yaml")
    countries: dict[str, str] = {}
    regions: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for country in data["countries"]:
        name = country["name"]
        countries[name_key(name)] = name
        for d in country.get("demonyms", []):
            demonyms.setdefault(name_key(d), name)
        for p in country.get("places", []):
            regions.setdefault(name_key(p), name)
    cities: dict[str, int] = {}
    for line in data["cities"].splitlines():
        name, _, population = line.rpartition("\t")
        if name:
            key = name_key(name)
            cities[key] = max(cities.get(key, 0), int(population))
    # a country's name is a country, whatever else carries it ("Colombia", a town in Colombia)
    for key in countries:
        regions.pop(key, None)
        demonyms.pop(key, None)
    return Places(countries, regions, demonyms, cities)
