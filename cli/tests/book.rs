//! The book (`book/`) builds and cannot drift from the code:
//! - `mdbook build` succeeds without errors or warnings, and `mdbook test` compiles and runs
//!   every self-contained Rust snippet;
//! - every `{{#include file:anchor}}` names a file and an anchor that exist (mdBook itself
//!   silently includes nothing for an unknown anchor), so code using the zkVM's crates comes
//!   from files the compiler checks;
//! - every code block names its language (`rust`, `sh`, `text`, ...);
//! - math reaches MathJax intact: written as `\\( … \\)` or `\\[ … \\]`, with no Markdown
//!   emphasis or typographic quotes inside it in the built pages;
//! - every `jolt` command shown, and every flag on it, is one the `jolt` binary accepts.
//!
//! mdBook is installed by `scripts/setup.sh`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn book_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../book")
}

/// The `mdbook` binary: on `PATH`, or where `cargo install` (and so `scripts/setup.sh`) puts it.
fn mdbook() -> PathBuf {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .map(|home| home.join("bin/mdbook"));
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join("mdbook"));
    on_path
        .chain(cargo_bin)
        .find(|bin| bin.is_file())
        .unwrap_or_else(|| {
            panic!("mdbook is not installed (neither on PATH nor in cargo's bin directory): run scripts/setup.sh, which installs it")
        })
}

/// Runs mdbook with `args`; panics with its output unless it succeeds without an error or
/// warning line.
fn run_mdbook(args: &[&str]) -> String {
    let output = Command::new(mdbook())
        .args(args)
        .arg(book_dir())
        .output()
        .expect("mdbook runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "`mdbook {}` failed:\n{stdout}\n{stderr}",
        args.join(" ")
    );
    let problems: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("ERROR") || l.contains("WARN"))
        .collect();
    assert!(
        problems.is_empty(),
        "`mdbook {}` reported problems:\n{}",
        args.join(" "),
        problems.join("\n")
    );
    stdout.into_owned()
}

/// A fenced code block of a chapter.
struct Block {
    line: usize,
    lang: String,
    text: Vec<String>,
}

/// A chapter: its path relative to `book/src`, its prose lines (with line numbers) and its
/// code blocks.
struct Chapter {
    name: String,
    prose: Vec<(usize, String)>,
    blocks: Vec<Block>,
}

fn chapters() -> Vec<Chapter> {
    let src = book_dir().join("src");
    let mut names: Vec<String> = std::fs::read_dir(&src)
        .expect("book/src exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(src.join(&name)).unwrap();
            let mut chapter = Chapter {
                name,
                prose: Vec::new(),
                blocks: Vec::new(),
            };
            let mut open: Option<Block> = None;
            for (i, line) in text.lines().enumerate() {
                let trimmed = line.trim_start();
                match (&mut open, trimmed.strip_prefix("```")) {
                    (None, Some(info)) => {
                        open = Some(Block {
                            line: i + 1,
                            lang: info.trim().to_string(),
                            text: Vec::new(),
                        })
                    }
                    (Some(_), Some(_)) => chapter.blocks.extend(open.take()),
                    (Some(block), None) => block.text.push(trimmed.to_string()),
                    (None, None) => chapter.prose.push((i + 1, line.to_string())),
                }
            }
            assert!(
                open.is_none(),
                "{}: a code block is not closed",
                chapter.name
            );
            chapter
        })
        .collect()
}

#[test]
fn the_book_builds_without_errors_or_warnings() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("book-build");
    run_mdbook(&["build", "-d", out.to_str().unwrap()]);
    assert!(out.join("index.html").is_file());
}

#[test]
fn the_books_rust_snippets_pass_mdbook_test() {
    run_mdbook(&["test"]);
}

#[test]
fn every_chapter_is_in_the_summary() {
    let summary = std::fs::read_to_string(book_dir().join("src/SUMMARY.md")).unwrap();
    for chapter in chapters().iter().filter(|c| c.name != "SUMMARY.md") {
        assert!(
            summary.contains(&format!("]({})", chapter.name)),
            "book/src/{} is not listed in book/src/SUMMARY.md: add it there",
            chapter.name
        );
    }
}

#[test]
fn every_code_block_names_its_language() {
    for chapter in chapters() {
        for block in &chapter.blocks {
            assert!(
                !block.lang.is_empty(),
                "{}:{}: a code block without a language: mark it rust, sh, text, toml, ...",
                chapter.name,
                block.line
            );
        }
    }
}

#[test]
fn every_include_names_an_existing_file_and_anchor() {
    let src = book_dir().join("src");
    let mut includes = 0;
    for chapter in chapters() {
        for block in &chapter.blocks {
            for line in &block.text {
                let Some(rest) = line.trim().strip_prefix("{{#include ") else {
                    continue;
                };
                let target = rest.trim_end_matches("}}").trim();
                let (file, anchor) = match target.rsplit_once(':') {
                    Some((file, anchor)) if !anchor.is_empty() => (file, Some(anchor)),
                    _ => (target, None),
                };
                let path = src.join(file);
                let where_ = format!("{}:{}: {{{{#include {target}}}}}", chapter.name, block.line);
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{where_}: {}: {e}", path.display()));
                includes += 1;
                let Some(anchor) = anchor.filter(|a| !a.starts_with(|c: char| c.is_ascii_digit()))
                else {
                    continue;
                };
                let start = format!("ANCHOR: {anchor}");
                let end = format!("ANCHOR_END: {anchor}");
                let lines: Vec<&str> = text.lines().collect();
                let from = lines.iter().position(|l| l.trim_end().ends_with(&start));
                let to = lines.iter().position(|l| l.trim_end().ends_with(&end));
                match (from, to) {
                    (Some(from), Some(to)) if to > from + 1 => {}
                    _ => panic!(
                        "{where_}: {} has no non-empty `// {start}` … `// {end}` section",
                        path.display()
                    ),
                }
            }
        }
    }
    assert!(includes > 0, "the book includes code from compiled files");
}

/// The math of a built page: the text between `\(` and `\)` and between `\[` and `\]`, code
/// elements removed.
fn math_spans(html: &str) -> Result<Vec<&str>, String> {
    let mut spans = Vec::new();
    let mut rest = html;
    loop {
        let open = ["\\(", "\\["]
            .iter()
            .filter_map(|d| rest.find(d).map(|i| (i, *d)))
            .min();
        let Some((i, delimiter)) = open else {
            return Ok(spans);
        };
        let close = if delimiter == "\\(" { "\\)" } else { "\\]" };
        let body = &rest[i + 2..];
        let j = body.find(close).ok_or_else(|| {
            format!(
                "`{delimiter}` is not closed: {}",
                &rest[i..(i + 80).min(rest.len())]
            )
        })?;
        spans.push(&body[..j]);
        rest = &body[j + 2..];
    }
}

/// `html` without the contents of its `<code>` elements.
fn without_code(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("<code") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("</code>").map_or("", |j| &rest[i + j + 7..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn math_reaches_mathjax_intact() {
    for chapter in chapters() {
        for (line, text) in &chapter.prose {
            let without_spans: String = text.split('`').step_by(2).collect();
            for (i, _) in without_spans
                .match_indices("\\(")
                .chain(without_spans.match_indices("\\["))
            {
                assert!(
                    i > 0 && without_spans.as_bytes()[i - 1] == b'\\',
                    "{}:{line}: write math as \\\\( … \\\\) or \\\\[ … \\\\] (Markdown eats one backslash)",
                    chapter.name
                );
            }
            for escape in ["\\,", "\\;", "\\!", "\\:", "\\{", "\\}", "\\|"] {
                for (i, _) in without_spans.match_indices(escape) {
                    assert!(
                        i > 0 && without_spans.as_bytes()[i - 1] == b'\\',
                        "{}:{line}: Markdown turns `{escape}` into `{}`: write `\\{escape}`",
                        chapter.name,
                        &escape[1..]
                    );
                }
            }
        }
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("book-math");
    run_mdbook(&["build", "-d", out.to_str().unwrap()]);
    let summary = std::fs::read_to_string(book_dir().join("src/SUMMARY.md")).unwrap();
    let listed = |c: &&Chapter| summary.contains(&format!("]({})", c.name));
    let mut spans = 0;
    for chapter in chapters().iter().filter(listed) {
        let page = out.join(chapter.name.replace(".md", ".html"));
        let html =
            std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        let main = html.split("<main>").nth(1).unwrap_or(&html);
        let main = without_code(main);
        let math = math_spans(&main).unwrap_or_else(|e| panic!("{}: {e}", chapter.name));
        for span in math {
            spans += 1;
            assert!(
                !span.contains('<') && !span.contains(['’', '‘', '“', '”']),
                "{}: Markdown changed the math `{span}` (emphasis or quotes): avoid `*`, `_` after a \
                 bracket, and quotes in math; escape `\\{{` as `\\\\{{`",
                chapter.name
            );
        }
    }
    assert!(spans > 0, "the book has math");
}

/// The commands and flags of `jolt` as its help lists them.
struct Cli {
    commands: BTreeMap<String, String>,
}

impl Cli {
    fn help(args: &[&str]) -> String {
        let output = Command::new(env!("CARGO_BIN_EXE_jolt"))
            .args(args)
            .arg("--help")
            .output()
            .expect("jolt runs");
        assert!(
            output.status.success(),
            "jolt {} --help fails",
            args.join(" ")
        );
        String::from_utf8(output.stdout).unwrap()
    }

    fn new() -> Self {
        let top = Self::help(&[]);
        let listed = top
            .lines()
            .skip_while(|l| !l.starts_with("Commands:"))
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .filter_map(|l| l.split_whitespace().next())
            .filter(|c| *c != "help")
            .map(|c| (c.to_string(), Self::help(&[c])))
            .collect();
        Self { commands: listed }
    }
}

/// The `jolt` invocations of a shell line or an inline code span: the words after each
/// command whose program is `jolt` (`jolt`, `target/release/jolt`, ...).
fn jolt_invocations(text: &str) -> Vec<Vec<String>> {
    let text = text.split(" #").next().unwrap_or(text).replace("\\|", " ");
    text.split(['&', ';', '|'])
        .filter_map(|command| {
            let mut words = command.split_whitespace();
            let program = words.next()?;
            (program == "jolt" || program.ends_with("/jolt"))
                .then(|| words.map(str::to_string).collect())
        })
        .collect()
}

/// The paragraphs of prose lines (split at blank lines), with the line each starts at.
fn paragraphs(prose: &[(usize, String)]) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut last_text_line = 0;
    for (line, text) in prose.iter().filter(|(_, t)| !t.trim().is_empty()) {
        match out.last_mut() {
            Some((_, paragraph)) if *line == last_text_line + 1 => {
                paragraph.push(' ');
                paragraph.push_str(text);
            }
            _ => out.push((*line, text.clone())),
        }
        last_text_line = *line;
    }
    out
}

/// The inline code spans of Markdown text: a run of n backticks up to the next run of exactly
/// n backticks.
fn code_spans(text: &str) -> Vec<String> {
    let run = |s: &str| s.chars().take_while(|&c| c == '`').count();
    let mut spans = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('`') {
        let n = run(&rest[i..]);
        let after = &rest[i + n..];
        let mut search = 0;
        let close = loop {
            match after[search..].find('`') {
                Some(j) if run(&after[search + j..]) == n => break Some(search + j),
                Some(j) => search += j + run(&after[search + j..]),
                None => break None,
            }
        };
        match close {
            Some(j) => {
                spans.push(after[..j].trim().to_string());
                rest = &after[j + n..];
            }
            None => rest = after,
        }
    }
    spans
}

#[test]
fn every_jolt_command_in_the_book_exists() {
    let cli = Cli::new();
    let mut shown = BTreeSet::new();
    for chapter in chapters() {
        let shell = chapter
            .blocks
            .iter()
            .filter(|b| matches!(b.lang.as_str(), "sh" | "bash" | "console"))
            .flat_map(|b| {
                // Join continued lines, so flags on them count.
                b.text
                    .join("\n")
                    .replace("\\\n", " ")
                    .lines()
                    .map(|l| (b.line, l.to_string()))
                    .collect::<Vec<_>>()
            });
        let inline = paragraphs(&chapter.prose)
            .into_iter()
            .flat_map(|(line, text)| code_spans(&text).into_iter().map(move |s| (line, s)));
        for (line, text) in shell.chain(inline) {
            for words in jolt_invocations(&text) {
                let Some(command) = words.first().filter(|w| !w.starts_with(['-', '<', '[']))
                else {
                    continue;
                };
                let help = cli.commands.get(command.as_str()).unwrap_or_else(|| {
                    panic!(
                        "{}:{line}: `jolt {command}` is not a jolt command (jolt has: {})",
                        chapter.name,
                        cli.commands.keys().cloned().collect::<Vec<_>>().join(", ")
                    )
                });
                shown.insert(command.clone());
                for word in &words[1..] {
                    let flag = word
                        .trim_start_matches(['[', '('])
                        .split(['=', ']', ')', ','])
                        .next()
                        .unwrap_or_default();
                    let is_flag = flag.starts_with("--") && flag.len() > 2
                        || flag.len() == 2 && flag.starts_with('-') && flag != "--";
                    if is_flag {
                        let listed = help
                            .split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == '=')
                            .any(|w| w == flag);
                        assert!(
                            listed,
                            "{}:{line}: `jolt {command}` has no flag `{flag}`",
                            chapter.name
                        );
                    }
                }
            }
        }
    }
    let missing: Vec<&String> = cli
        .commands
        .keys()
        .filter(|c| !shown.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "the book shows no use of `jolt {}`",
        missing
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join("`, `jolt ")
    );
}
