fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = 30;
    let summary = guest::analyze_fib(n)?;
    println!("fib({n}) = {:?} in {} cycles", summary.output, summary.cycles);
    for (instruction, count) in &summary.instruction_mix {
        println!("  {instruction:<8} {count}");
    }
    Ok(())
}
