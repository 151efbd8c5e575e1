//! `instagrowth guide list|search|show`: the app's help centre in the terminal
//! (`instagrowth_api::help`). Needs no workspace.
use instagrowth_api::help;
use instagrowth_api::ApiError;

use crate::args::GuideCommand;
use crate::output;

pub fn run(cmd: &GuideCommand) -> Result<(), ApiError> {
    match cmd {
        GuideCommand::List { json } => {
            let all = help::list()?;
            if *json {
                return output::json(&all);
            }
            let mut category = "";
            for a in &all {
                if a.category != category {
                    if !category.is_empty() {
                        println!();
                    }
                    category = &a.category;
                    println!("{category}");
                }
                println!("  {:<22} {}", a.id, a.title);
            }
            println!("\n`instagrowth guide show ID` prints one.");
            Ok(())
        }
        GuideCommand::Search { query, json } => {
            let query = query.join(" ");
            let hits = help::search(&query)?;
            if *json {
                return output::json(&hits);
            }
            if hits.is_empty() {
                println!(
                    "No article matches \"{query}\". `instagrowth guide list` shows them all."
                );
                return Ok(());
            }
            for h in &hits {
                println!("{:<22} {}", h.id, h.title);
                println!("  {}", h.snippet);
            }
            Ok(())
        }
        GuideCommand::Show { id, json } => {
            if *json {
                return output::json(&help::article(id)?);
            }
            let body = help::markdown(id)?;
            let a = help::article(id)?;
            println!("{}\n", a.title);
            println!("{}", body.trim_end());
            if !a.related.is_empty() {
                println!("\nRelated:");
                for r in &a.related {
                    println!("  {:<22} {}", r.id, r.title);
                }
            }
            Ok(())
        }
    }
}
