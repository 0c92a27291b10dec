fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = 30;
    let summary = guest::analyze_fib(n)?;
    println!("fib({n}) = {:?} in {} cycles", summary.output, summary.cycles);

    let (prove, verify) = guest::build_fib()?;
    let (output, proof) = prove(n)?;
    verify(n, output, &proof)?;
    println!(
        "proved and verified: fib({n}) = {output:?} ({} bytes of proof)",
        proof.size_in_bytes()
    );
    Ok(())
}
