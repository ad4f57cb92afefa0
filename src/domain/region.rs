//! Peru's regions as the labour ministry reports on them: the 24 departments (Lima split into
//! Lima Metropolitana and Lima Provincias, as employment statistics do) and the Constitutional
//! Province of Callao.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One region: a stable slug for storage and URLs, and its official name (a proper noun, the
/// same in every language). It travels as its slug.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Region {
    slug: &'static str,
    name: &'static str,
}

macro_rules! regions {
    ($($slug:literal => $name:literal),+ $(,)?) => {
        /// Every region, in alphabetical order of its name.
        pub const ALL: &[Region] = &[$(Region { slug: $slug, name: $name }),+];
    };
}

regions! {
    "amazonas" => "Amazonas",
    "ancash" => "Áncash",
    "apurimac" => "Apurímac",
    "arequipa" => "Arequipa",
    "ayacucho" => "Ayacucho",
    "cajamarca" => "Cajamarca",
    "callao" => "Callao",
    "cusco" => "Cusco",
    "huancavelica" => "Huancavelica",
    "huanuco" => "Huánuco",
    "ica" => "Ica",
    "junin" => "Junín",
    "la-libertad" => "La Libertad",
    "lambayeque" => "Lambayeque",
    "lima-metropolitana" => "Lima Metropolitana",
    "lima-provincias" => "Lima Provincias",
    "loreto" => "Loreto",
    "madre-de-dios" => "Madre de Dios",
    "moquegua" => "Moquegua",
    "pasco" => "Pasco",
    "piura" => "Piura",
    "puno" => "Puno",
    "san-martin" => "San Martín",
    "tacna" => "Tacna",
    "tumbes" => "Tumbes",
    "ucayali" => "Ucayali",
}

impl Region {
    /// Parses a stored or submitted slug.
    pub fn parse(slug: &str) -> Option<Region> {
        ALL.iter().copied().find(|r| r.slug == slug)
    }

    pub fn slug(self) -> &'static str {
        self.slug
    }

    pub fn name(self) -> &'static str {
        self.name
    }
}

impl Serialize for Region {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug)
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Region, D::Error> {
        let slug = String::deserialize(deserializer)?;
        Region::parse(&slug).ok_or_else(|| serde::de::Error::custom(format!("unknown region {slug:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_twenty_six_regions_with_unique_slugs() {
        let mut slugs: Vec<_> = ALL.iter().map(|r| r.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), 26);
    }

    #[test]
    fn a_slug_parses_back_to_its_region_and_nothing_else_does() {
        assert_eq!(Region::parse("lima-metropolitana").map(Region::name), Some("Lima Metropolitana"));
        assert_eq!(Region::parse("Lima"), None);
        assert_eq!(Region::parse(""), None);
    }
}
