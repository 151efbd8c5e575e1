//! Typed rows and inputs. These types cross to the UI, so they derive `TS` and the UI's
//! TypeScript types are generated from them (see `instagrowth-api`'s bindings test).
pub mod ai;
pub mod client;
pub mod instagram;
