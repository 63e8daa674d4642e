// Package staticserve serves a built dsaviz site (the dist/ directory) over
// HTTP: exact MIME types (application/wasm for the app), precompressed
// X.gz files with Content-Encoding: gzip when the client accepts gzip, no
// directory listings, and caching headers that always revalidate.
//
//	http.Handle("/", staticserve.New(os.DirFS("dist")))
package staticserve

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// contentTypes fixes the types of the files a site holds, so that they do
// not depend on the host's /etc/mime.types (which may, for example, call
// JavaScript application/javascript or miss .wasm).
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".wasm": "application/wasm",
	".png":  "image/png",
	".svg":  "image/svg+xml",
	".ico":  "image/x-icon",
	".txt":  "text/plain; charset=utf-8",
	".gz":   "application/gzip",
}

// contentType returns the MIME type of a file name, never sniffing: an
// unknown extension is served as opaque bytes.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Handler serves the files of a file system. Build it with New.
type Handler struct {
	fsys fs.FS
}

// New returns a handler serving fsys, typically os.DirFS of a dist/
// directory. A request for a directory serves its index.html.
func New(fsys fs.FS) *Handler { return &Handler{fsys: fsys} }

// ServeHTTP answers GET and HEAD requests with the named file.
//
// Every response says Cache-Control: no-cache: the site's file names carry
// no content hash, so browsers must revalidate (cheaply, with
// If-Modified-Since and a 304) to never run a stale .wasm with a new page.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := h.resolve(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Content-Type-Options", "nosniff")

	served := name
	if !strings.HasSuffix(name, ".gz") && h.isFile(name+".gz") {
		// The response depends on Accept-Encoding whichever variant we pick.
		hdr.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			served = name + ".gz"
			hdr.Set("Content-Encoding", "gzip")
		}
	}
	if err := h.serveFile(w, r, served); err != nil {
		hdr.Del("Content-Encoding")
		http.Error(w, "cannot read "+served, http.StatusInternalServerError)
	}
}

// resolve maps a URL path to a regular file's name in fsys: "/" and
// directories become their index.html; anything else that is not a regular
// file is not found.
func (h *Handler) resolve(urlPath string) (string, bool) {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		name = "."
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	info, err := fs.Stat(h.fsys, name)
	if err != nil {
		return "", false
	}
	if info.IsDir() {
		name = path.Join(name, "index.html")
		return name, h.isFile(name)
	}
	return name, info.Mode().IsRegular()
}

func (h *Handler) isFile(name string) bool {
	info, err := fs.Stat(h.fsys, name)
	return err == nil && info.Mode().IsRegular()
}

// serveFile writes one file with http.ServeContent, which handles
// If-Modified-Since, Range and HEAD. Content-Type is already set, so
// ServeContent does not sniff.
func (h *Handler) serveFile(w http.ResponseWriter, r *http.Request, name string) error {
	f, err := h.fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	content, ok := f.(io.ReadSeeker)
	if !ok {
		// Not every fs.FS gives seekable files; read small ones whole.
		b, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		content = bytes.NewReader(b)
	}
	http.ServeContent(w, r, name, modTime(info), content)
	return nil
}

// modTime returns a file's modification time, or the zero time (no
// Last-Modified header) when the file system does not know it.
func modTime(info fs.FileInfo) time.Time {
	t := info.ModTime()
	if t.Unix() <= 0 {
		return time.Time{}
	}
	return t
}

// acceptsGzip reports whether an Accept-Encoding header value accepts gzip:
// it must list gzip (or *) without q=0.
func acceptsGzip(header string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "x-gzip" && coding != "*" {
			continue
		}
		zero := qIsZero(params)
		if coding == "*" {
			star = !zero
			continue
		}
		return !zero
	}
	return star
}

// qIsZero reports whether the parameters of one Accept-Encoding entry set
// its quality to zero ("q=0", "q=0.000"), which refuses the coding.
func qIsZero(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err == nil && q == 0
	}
	return false
}

// ErrNoIndex is returned by CheckSite when a directory holds no
// index.html, so it is not a built site.
var ErrNoIndex = errors.New("staticserve: no index.html")

// CheckSite reports whether fsys looks like a built site (it has an
// index.html), so a server can refuse to start on the wrong directory.
func CheckSite(fsys fs.FS) error {
	info, err := fs.Stat(fsys, "index.html")
	if err != nil || !info.Mode().IsRegular() {
		return ErrNoIndex
	}
	return nil
}
