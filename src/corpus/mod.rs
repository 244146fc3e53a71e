//! The corpus: the convention, its sources and the curated data, loaded from the
//! binary or a directory and validated. Knows nothing of terminals or the UI.

pub mod bearing;
pub mod concern;
pub mod files;
pub mod jsonpos;
pub mod load;
pub mod lookup;
pub mod model;
pub mod place;
pub mod problem;
pub mod source_file;
pub mod subject;
pub mod target;

pub use load::{load_dir, load_embedded};
pub use lookup::{LookupError, Place, lookup};
pub use model::*;
pub use place::{Destination, Location, locate};
pub use problem::{Problem, Problems};
pub use subject::{IndexLine, IndexTerm, Lang, SubjectEntry, SubjectIndex};
pub use target::Target;
