package main

import (
	"math"
	"sort"
	"time"
)

// result is the JSON line the tool prints. Counts are deliveries: with fan-out every subscriber's copy counts.
type result struct {
	Mode        string `json:"mode"`
	PayloadSize int    `json:"payloadSize"`
	Subscribers int    `json:"subscribers"`
	Published   int64  `json:"published"`
	Expected    int64  `json:"expected"`
	Delivered   int64  `json:"delivered"`
	Lost        int64  `json:"lost"`
	// ElapsedNanos runs from the first publish (or request) to the last delivery (or the final flush's PONG).
	ElapsedNanos  int64   `json:"elapsedNanos"`
	MsgsPerSecond float64 `json:"msgsPerSecond"`
	Requests      int64   `json:"requests,omitempty"`
	Timeouts      int64   `json:"timeouts,omitempty"`
	P50Micros     float64 `json:"p50Micros,omitempty"`
	P99Micros     float64 `json:"p99Micros,omitempty"`
	P999Micros    float64 `json:"p999Micros,omitempty"`
	connectionEvents
}

// connectionEvents is what the connections saw of the server cutting them off or of errors.
type connectionEvents struct {
	// SubscriberCutOffs counts subscriber connections the server closed under them.
	SubscriberCutOffs int64 `json:"subscriberCutOffs"`
	Disconnects       int64 `json:"disconnects"`
	Reconnects        int64 `json:"reconnects"`
	AsyncErrors       int64 `json:"asyncErrors"`
	// SlowConsumer is set when any error named a slow consumer, the server's -ERR or the client's own.
	SlowConsumer bool `json:"slowConsumer"`
	// ClientDropped counts messages the client library itself dropped over its pending limits.
	ClientDropped int64  `json:"clientDropped"`
	LastError     string `json:"lastError,omitempty"`
}

func perSecond(count int64, elapsed time.Duration) float64 {
	if elapsed <= 0 {
		return 0
	}
	return float64(count) / elapsed.Seconds()
}

// percentileMicros returns the nearest-rank percentile of sorted round trips in microseconds.
func percentileMicros(sorted []time.Duration, percentile float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(percentile/100*float64(len(sorted)))) - 1
	if rank < 0 {
		rank = 0
	}
	if rank >= len(sorted) {
		rank = len(sorted) - 1
	}
	return float64(sorted[rank].Nanoseconds()) / 1000
}

func sortDurations(values []time.Duration) {
	sort.Slice(values, func(i, j int) bool { return values[i] < values[j] })
}
