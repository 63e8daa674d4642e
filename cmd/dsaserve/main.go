// Command dsaserve serves a built dsaviz site (./build.sh build writes it
// into dist/) for local use: correct MIME types, the precompressed .wasm,
// loopback only unless told otherwise.
//
//	dsaserve [-addr 127.0.0.1:8080] [-dir dist]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"dsaviz/internal/staticserve"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (host:port); the default is loopback only")
	dir := flag.String("dir", "dist", "directory holding the built site")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "dsaserve: unexpected arguments %q\n", flag.Args())
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*addr, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "dsaserve:", err)
		os.Exit(1)
	}
}

// run serves dir on addr until SIGINT or SIGTERM.
func run(addr, dir string) error {
	site := os.DirFS(dir)
	if err := staticserve.CheckSite(site); err != nil {
		return fmt.Errorf("%s: %w: run ./build.sh build first", dir, err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           staticserve.New(site),
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Printf("dsaserve: serving %s at %s\n", dir, siteURL(ln.Addr()))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil {
			return err
		}
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

// siteURL returns the URL to open for a listener's address; an unspecified
// host (0.0.0.0 or ::) is shown as localhost, where it also answers.
func siteURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port)) + "/"
}
