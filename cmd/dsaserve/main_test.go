package main

import (
	"net"
	"testing"
)

func TestSiteURL(t *testing.T) {
	tests := []struct {
		addr net.Addr
		want string
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "http://127.0.0.1:8080/"},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 80}, "http://localhost:80/"},
		{&net.TCPAddr{IP: net.IPv6loopback, Port: 9000}, "http://[::1]:9000/"},
	}
	for _, tt := range tests {
		if got := siteURL(tt.addr); got != tt.want {
			t.Errorf("siteURL(%v) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}
