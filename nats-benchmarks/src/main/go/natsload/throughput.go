package main

import (
	"fmt"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
)

const (
	// The publisher looks at the clock and the window only every so many messages, to stay a tight loop.
	checkEvery = 256
	pollPause  = 50 * time.Microsecond
	flushLimit = 30 * time.Second
	// A subscription made on one node of a cluster reaches the others asynchronously over the route.
	interestLimit = 30 * time.Second
	probePause    = 10 * time.Millisecond
	// Probes carry this reply subject, which no load message has, so that the subscribers do not count them.
	probeReply = "natsload.probe"
)

// subscribers are separate connections, each counting its deliveries in its own counter and noting whether a
// probe reached it.
type subscribers struct {
	conns    []*nats.Conn
	counters []*atomic.Int64
	probed   []*atomic.Bool
	subs     []*nats.Subscription
}

func openSubscribers(cfg config, events *eventLog) (*subscribers, error) {
	group := &subscribers{}
	for i := 0; i < cfg.subs; i++ {
		nc, err := events.connect(cfg, fmt.Sprintf("natsload-sub-%d", i), true)
		if err != nil {
			group.close()
			return nil, err
		}
		group.conns = append(group.conns, nc)
		counter := &atomic.Int64{}
		group.counters = append(group.counters, counter)
		probed := &atomic.Bool{}
		group.probed = append(group.probed, probed)
		handler := func(m *nats.Msg) {
			if m.Reply != "" {
				probed.Store(true)
				return
			}
			counter.Add(1)
		}
		var sub *nats.Subscription
		if cfg.queue != "" {
			sub, err = nc.QueueSubscribe(cfg.subject, cfg.queue, handler)
		} else {
			sub, err = nc.Subscribe(cfg.subject, handler)
		}
		if err == nil && cfg.mode == "overload" {
			// The client must never be the one dropping, so that every loss is the server's.
			err = sub.SetPendingLimits(-1, -1)
		}
		if err == nil {
			err = nc.FlushTimeout(flushLimit)
		}
		if err != nil {
			group.close()
			return nil, err
		}
		group.subs = append(group.subs, sub)
	}
	return group, nil
}

func (s *subscribers) delivered() int64 {
	var total int64
	for _, counter := range s.counters {
		total += counter.Load()
	}
	return total
}

// reachedBy tells whether the probes reached every subscriber, or with a queue group one of them.
func (s *subscribers) reachedBy(queue string) bool {
	reached := 0
	for _, probed := range s.probed {
		if probed.Load() {
			reached++
		}
	}
	if queue != "" {
		return reached > 0
	}
	return reached == len(s.probed)
}

func (s *subscribers) dropped() int64 {
	var total int64
	for _, sub := range s.subs {
		if n, err := sub.Dropped(); err == nil {
			total += int64(n)
		}
	}
	return total
}

func (s *subscribers) close() {
	for _, nc := range s.conns {
		nc.Close()
	}
}

func deliveriesPerMessage(cfg config) int64 {
	if cfg.subs == 0 {
		return 0
	}
	if cfg.queue != "" {
		return 1
	}
	return int64(cfg.subs)
}

// runThroughput publishes as fast as nats.go's buffered Publish allows, within the window if there is one,
// and counts deliveries until all have arrived or they stop progressing.
func runThroughput(cfg config, g *gate) error {
	events := &eventLog{}
	group, err := openSubscribers(cfg, events)
	if err != nil {
		return err
	}
	defer group.close()
	publisher, err := events.connect(cfg, "natsload-pub", false)
	if err != nil {
		return err
	}
	defer publisher.Close()
	if err := publisher.FlushTimeout(flushLimit); err != nil {
		return err
	}
	describeTLS(publisher)
	if err := awaitInterest(cfg, publisher, group); err != nil {
		return err
	}
	if err := g.open(); err != nil {
		return err
	}
	startWatchdog(cfg)

	perMessage := deliveriesPerMessage(cfg)
	payload := make([]byte, cfg.size)
	start := time.Now()
	deadline := start.Add(cfg.limit)
	var published int64
	var publishErr error
	for published < cfg.msgs {
		if publishErr = publisher.Publish(cfg.subject, payload); publishErr != nil {
			break
		}
		published++
		if published%checkEvery == 0 {
			if time.Now().After(deadline) {
				break
			}
			if cfg.window > 0 {
				awaitWindow(group, published*perMessage, cfg.window*perMessage, deadline)
			}
		}
	}
	if publishErr == nil {
		publishErr = publisher.FlushTimeout(flushLimit)
	}
	expected := published * perMessage
	end := time.Now()
	if perMessage > 0 {
		end = awaitDeliveries(group, expected, cfg.stall)
	}
	delivered := published
	if perMessage > 0 {
		delivered = group.delivered()
	}
	res := result{
		Mode:             cfg.mode,
		PayloadSize:      cfg.size,
		Subscribers:      cfg.subs,
		Published:        published,
		Expected:         expected,
		Delivered:        delivered,
		Lost:             max64(0, expected-delivered),
		ElapsedNanos:     end.Sub(start).Nanoseconds(),
		MsgsPerSecond:    perSecond(delivered, end.Sub(start)),
		connectionEvents: events.snapshot(),
	}
	res.ClientDropped = group.dropped()
	if publishErr != nil {
		res.note(fmt.Errorf("publisher: %w", publishErr))
	}
	g.hold(res)
	return nil
}

// awaitInterest publishes probes on the load's subject until they reach the subscribers, when these are on
// another node than the publisher: only then does the publisher's node know where to route the load.
func awaitInterest(cfg config, publisher *nats.Conn, group *subscribers) error {
	if cfg.subURL == "" {
		return nil
	}
	deadline := time.Now().Add(interestLimit)
	for !group.reachedBy(cfg.queue) {
		if time.Now().After(deadline) {
			return fmt.Errorf("no probe published on -url reached the subscribers on -suburl within %v", interestLimit)
		}
		if err := publisher.PublishRequest(cfg.subject, probeReply, nil); err != nil {
			return err
		}
		if err := publisher.FlushTimeout(flushLimit); err != nil {
			return err
		}
		time.Sleep(probePause)
	}
	return nil
}

// awaitWindow pauses the publisher while more than window deliveries are outstanding.
func awaitWindow(group *subscribers, due, window int64, deadline time.Time) {
	for due-group.delivered() > window && time.Now().Before(deadline) {
		time.Sleep(pollPause)
	}
}

// awaitDeliveries waits until every due delivery has arrived or the count has not moved for stall, and
// returns when the last delivery was seen.
func awaitDeliveries(group *subscribers, expected int64, stall time.Duration) time.Time {
	last := group.delivered()
	lastProgress := time.Now()
	for {
		now := time.Now()
		count := group.delivered()
		if count >= expected {
			return now
		}
		if count != last {
			last, lastProgress = count, now
		} else if now.Sub(lastProgress) > stall {
			return lastProgress
		}
		time.Sleep(pollPause)
	}
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}
