// Command natsload is the benchmark tool's second load generator: a nats.go client that drives one NATS
// server on loopback with a single load and prints what it measured as one JSON line on standard output.
//
// Modes:
//
//	publish   one publisher, no subscribers; throughput is what the server has read (a final flush proves it)
//	pubsub    one publisher and -subs subscriber connections (in -queue when given); throughput is deliveries
//	overload  one publisher with no window, one subscriber with no client-side pending limits: who loses what
//	request   one responder and one requester doing sequential requests; latency percentiles
//	js-publish        JetStream: js.Publish on a fresh file-backed stream, waiting for each PubAck (one in flight)
//	js-publish-async  JetStream: js.PublishAsync with at most -window PubAcks outstanding, PublishAsyncComplete last
//	js-consume        JetStream: -msgs (or what -time allows) pre-filled before the go-ahead, then a durable explicit-ack pull consumer
//	                  fetches -batch at a time and acks each message; throughput is acked messages per second
//
// With -suburl the subscribers connect to that server and the publisher to -url: two nodes of a cluster, so that
// every delivery has crossed the route between them. Before measuring, the publisher then sends probes until
// the subscribers' interest has reached its node.
//
// With -tlsca the connections use TLS and trust that CA (or self-signed certificate) file; with -user and
// -password they authenticate as that user. The negotiated TLS version and cipher suite go to standard error.
//
// With -gate the tool prints "ready" once its connections are set up, waits for a line on standard input
// before measuring, and after the result line waits for standard input to close before disconnecting, so that
// the caller can read the server's CPU time exactly around the measured interval.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
)

// Extra time beyond the run's own bounds after which the tool gives up on a server that stopped answering.
const watchdogGrace = 30 * time.Second

func main() {
	cfg, err := parseConfig(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fail(err)
	}
	if cfg.version {
		fmt.Printf("nats.go %s, %s\n", nats.Version, runtime.Version())
		return
	}
	g := newGate(cfg.gate)
	switch {
	case cfg.mode == "request":
		err = runRequests(cfg, g)
	case strings.HasPrefix(cfg.mode, "js-"):
		err = runJetStream(cfg, g)
	default:
		err = runThroughput(cfg, g)
	}
	if err != nil {
		fail(err)
	}
}

// config is one run's load, from the command line.
type config struct {
	url      string
	subURL   string
	mode     string
	msgs     int64
	size     int
	subs     int
	queue    string
	window   int64
	batch    int
	limit    time.Duration
	stall    time.Duration
	subject  string
	tlsCA    string
	user     string
	password string
	gate     bool
	version  bool
}

func parseConfig(args []string) (config, error) {
	var cfg config
	flags := flag.NewFlagSet("natsload", flag.ContinueOnError)
	flags.StringVar(&cfg.url, "url", "nats://127.0.0.1:4222", "server URL; loopback addresses only")
	flags.StringVar(&cfg.subURL, "suburl", "", "server URL the subscribers connect to, when not -url: another node of its cluster (pubsub mode); loopback addresses only")
	flags.StringVar(&cfg.mode, "mode", "pubsub", "publish | pubsub | overload | request | js-publish | js-publish-async | js-consume")
	flags.Int64Var(&cfg.msgs, "msgs", 100000, "messages to publish (requests to send in request mode)")
	flags.IntVar(&cfg.size, "size", 16, "payload bytes")
	flags.IntVar(&cfg.subs, "subs", 1, "subscriber connections (pubsub mode)")
	flags.StringVar(&cfg.queue, "queue", "", "queue group the subscribers join (pubsub mode)")
	flags.Int64Var(&cfg.window, "window", 100000, "most messages the publisher may run ahead of the deliveries, 0 for none (pubsub mode); most PubAcks outstanding (js-publish-async)")
	flags.IntVar(&cfg.batch, "batch", 256, "messages asked for per Fetch (js-consume)")
	flags.DurationVar(&cfg.limit, "time", 10*time.Second, "longest time to keep publishing or requesting")
	flags.DurationVar(&cfg.stall, "stall", 5*time.Second, "deliveries that make no progress for this long are counted as lost")
	flags.StringVar(&cfg.subject, "subject", "bench.load", "subject to publish on")
	flags.StringVar(&cfg.tlsCA, "tlsca", "", "connect with TLS, trusting this PEM CA or self-signed certificate file")
	flags.StringVar(&cfg.user, "user", "", "user name to authenticate as")
	flags.StringVar(&cfg.password, "password", "", "password of -user")
	flags.BoolVar(&cfg.gate, "gate", false, "print \"ready\" and wait for a line on stdin before measuring; hold the connections until stdin closes after the result")
	flags.BoolVar(&cfg.version, "version", false, "print the nats.go and Go versions and exit")
	if err := flags.Parse(args); err != nil {
		return cfg, err
	}
	if flags.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments %v", flags.Args())
	}
	switch cfg.mode {
	case "publish":
		cfg.subs = 0
	case "overload":
		cfg.subs, cfg.queue, cfg.window = 1, "", 0
	case "pubsub":
		if cfg.subs < 1 {
			return cfg, errors.New("-subs must be at least 1 in pubsub mode")
		}
	case "request", "js-publish", "js-consume":
	case "js-publish-async":
		if cfg.window < 1 {
			return cfg, errors.New("-window must be at least 1 in js-publish-async mode")
		}
	default:
		return cfg, fmt.Errorf("unknown -mode %q", cfg.mode)
	}
	if cfg.subURL != "" && cfg.mode != "pubsub" {
		return cfg, errors.New("-suburl is for pubsub mode")
	}
	if cfg.password != "" && cfg.user == "" {
		return cfg, errors.New("-password needs -user")
	}
	if cfg.msgs < 1 || cfg.batch < 1 || cfg.size < 0 || cfg.window < 0 || cfg.limit <= 0 || cfg.stall <= 0 {
		return cfg, errors.New("-msgs, -batch, -time and -stall must be positive, -size and -window not negative")
	}
	if cfg.subURL != "" {
		if err := requireLoopback("suburl", cfg.subURL); err != nil {
			return cfg, err
		}
	}
	return cfg, requireLoopback("url", cfg.url)
}

// subscriberURL is the server the subscriber connections go to.
func (c config) subscriberURL() string {
	if c.subURL != "" {
		return c.subURL
	}
	return c.url
}

// requireLoopback refuses any server that is not on this machine's loopback interface: the tool floods its
// target and must never be pointed at a shared server.
func requireLoopback(flagName, serverURL string) error {
	parsed, err := url.Parse(serverURL)
	if err != nil {
		return fmt.Errorf("bad -%s: %w", flagName, err)
	}
	host := parsed.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-%s %q is not a loopback address", flagName, serverURL)
	}
	return nil
}

// startWatchdog ends the process with an error line if the run outlives its own bounds by watchdogGrace, e.g.
// because a server stopped reading and a write blocks for ever.
func startWatchdog(cfg config) {
	bound := cfg.limit + cfg.stall + requestTimeout + watchdogGrace
	time.AfterFunc(bound, func() {
		fail(fmt.Errorf("run did not finish within %v", bound))
	})
}

func emit(res result) {
	line, err := json.Marshal(res)
	if err != nil {
		fail(err)
	}
	fmt.Println(string(line))
}

func fail(err error) {
	line, _ := json.Marshal(map[string]string{"error": err.Error()})
	fmt.Println(string(line))
	os.Exit(1)
}
