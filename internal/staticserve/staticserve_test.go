package staticserve

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"testing/fstest"
	"time"
)

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testSite(t *testing.T) fstest.MapFS {
	mod := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	wasm := []byte("\x00asm\x01\x00\x00\x00 pretend")
	return fstest.MapFS{
		"index.html":       {Data: []byte("<!doctype html><title>dsaviz</title>"), ModTime: mod},
		"style.css":        {Data: []byte("body{}"), ModTime: mod},
		"loader.js":        {Data: []byte("'use strict';"), ModTime: mod},
		"build.json":       {Data: []byte(`{"wasmBytes":16}`), ModTime: mod},
		"dsaviz.wasm":      {Data: wasm, ModTime: mod},
		"dsaviz.wasm.gz":   {Data: gz(t, wasm), ModTime: mod},
		"docs/index.html":  {Data: []byte("docs"), ModTime: mod},
		"empty/readme.txt": {Data: []byte("no index here"), ModTime: mod},
	}
}

func get(t *testing.T, h http.Handler, method, target string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) []byte {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestServeTypesAndStatus(t *testing.T) {
	site := testSite(t)
	h := New(site)
	tests := []struct {
		path       string
		status     int
		typ        string
		wantBodyOf string // file whose bytes the body must equal; "" to skip
	}{
		{"/", 200, "text/html; charset=utf-8", "index.html"},
		{"/index.html", 200, "text/html; charset=utf-8", "index.html"},
		{"/style.css", 200, "text/css; charset=utf-8", "style.css"},
		{"/loader.js", 200, "text/javascript; charset=utf-8", "loader.js"},
		{"/build.json?v=1", 200, "application/json", "build.json"},
		{"/dsaviz.wasm", 200, "application/wasm", "dsaviz.wasm"},
		{"/docs", 200, "text/html; charset=utf-8", "docs/index.html"},
		{"/docs/", 200, "text/html; charset=utf-8", "docs/index.html"},
		{"/empty/", 404, "", ""},
		{"/missing.js", 404, "", ""},
		{"/../index.html", 200, "text/html; charset=utf-8", "index.html"}, // cleaned to /index.html
		{"/docs/../../style.css", 200, "text/css; charset=utf-8", "style.css"},
	}
	for _, tt := range tests {
		resp := get(t, h, "GET", tt.path, nil)
		b := body(t, resp)
		if resp.StatusCode != tt.status {
			t.Errorf("GET %s: status = %d, want %d", tt.path, resp.StatusCode, tt.status)
			continue
		}
		if tt.status != 200 {
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != tt.typ {
			t.Errorf("GET %s: Content-Type = %q, want %q", tt.path, got, tt.typ)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control = %q, want no-cache", tt.path, got)
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options = %q, want nosniff", tt.path, got)
		}
		if tt.wantBodyOf != "" && !bytes.Equal(b, site[tt.wantBodyOf].Data) {
			t.Errorf("GET %s: body = %q, want the bytes of %s", tt.path, b, tt.wantBodyOf)
		}
	}
}

func TestServeGzip(t *testing.T) {
	site := testSite(t)
	h := New(site)
	tests := []struct {
		name, accept string
		gzipped      bool
	}{
		{"no header", "", false},
		{"gzip", "gzip", true},
		{"browser list", "gzip, deflate, br, zstd", true},
		{"gzip refused", "gzip;q=0, br", false},
		{"gzip refused with decimals", "br, gzip; q=0.000", false},
		{"gzip with weight", "br;q=1.0, gzip;q=0.5", true},
		{"star", "*", true},
		{"star but not gzip", "*, gzip;q=0", false},
		{"other codings", "br, deflate", false},
	}
	for _, tt := range tests {
		resp := get(t, h, "GET", "/dsaviz.wasm", map[string]string{"Accept-Encoding": tt.accept})
		b := body(t, resp)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", tt.name, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("%s: Content-Type = %q, want application/wasm", tt.name, got)
		}
		if got := resp.Header.Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("%s: Vary = %q, want Accept-Encoding", tt.name, got)
		}
		gotGzip := resp.Header.Get("Content-Encoding") == "gzip"
		if gotGzip != tt.gzipped {
			t.Errorf("%s: Content-Encoding gzip = %v, want %v", tt.name, gotGzip, tt.gzipped)
		}
		want := site["dsaviz.wasm"].Data
		if tt.gzipped {
			want = site["dsaviz.wasm.gz"].Data
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s: body is not the %s file", tt.name, map[bool]string{true: ".gz", false: "raw"}[tt.gzipped])
		}
	}
	// Files with no .gz sibling are never encoded and do not vary.
	resp := get(t, h, "GET", "/style.css", map[string]string{"Accept-Encoding": "gzip"})
	if resp.Header.Get("Content-Encoding") != "" || resp.Header.Get("Vary") != "" {
		t.Errorf("style.css: Content-Encoding %q, Vary %q, want neither", resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"))
	}
	// Asking for the .gz file itself gives it as a plain download.
	resp = get(t, h, "GET", "/dsaviz.wasm.gz", map[string]string{"Accept-Encoding": "gzip"})
	if resp.Header.Get("Content-Encoding") != "" || resp.Header.Get("Content-Type") != "application/gzip" {
		t.Errorf("dsaviz.wasm.gz: Content-Encoding %q, Content-Type %q", resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"))
	}
}

func TestServeMethodsAndRevalidation(t *testing.T) {
	site := testSite(t)
	h := New(site)
	resp := get(t, h, "POST", "/", nil)
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /: status %d, Allow %q; want 405 and GET, HEAD", resp.StatusCode, resp.Header.Get("Allow"))
	}
	resp = get(t, h, "HEAD", "/dsaviz.wasm", nil)
	size := strconv.Itoa(len(site["dsaviz.wasm"].Data))
	if b := body(t, resp); resp.StatusCode != 200 || len(b) != 0 || resp.Header.Get("Content-Length") != size {
		t.Errorf("HEAD: status %d, %d body bytes, Content-Length %q; want 200, 0, %s", resp.StatusCode, len(b), resp.Header.Get("Content-Length"), size)
	}
	resp = get(t, h, "GET", "/index.html", nil)
	lm := resp.Header.Get("Last-Modified")
	if lm == "" {
		t.Fatal("no Last-Modified header")
	}
	resp = get(t, h, "GET", "/index.html", map[string]string{"If-Modified-Since": lm})
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: status %d, want 304", resp.StatusCode)
	}
}

func TestCheckSite(t *testing.T) {
	if err := CheckSite(testSite(t)); err != nil {
		t.Errorf("CheckSite(site) = %v, want nil", err)
	}
	if err := CheckSite(fstest.MapFS{"a.txt": {}}); err != ErrNoIndex {
		t.Errorf("CheckSite(no index) = %v, want ErrNoIndex", err)
	}
}
