// Command dsasim runs dsaviz's simulation from the command line: simulate
// a scenario, sweep a parameter, export the engine's address stream as a
// din trace, replay din traces through a plain LLC, and inspect real DSA
// index logs. Run `dsasim help` for the commands.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
