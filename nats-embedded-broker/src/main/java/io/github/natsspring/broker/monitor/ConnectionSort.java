package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;

/**
 * {@code /connz}'s sort options, in nats-server's directions: by id and start ascending, by reason
 * alphabetically, uptime shortest first, every other figure largest first.
 */
enum ConnectionSort {

	CID("cid", (now) -> Comparator.comparingLong(ConnectionInfo::cid)),

	START("start", (now) -> Comparator.comparingLong(ConnectionInfo::cid)),

	SUBS("subs", (now) -> Comparator.comparingInt(ConnectionInfo::subscriptionCount).reversed()),

	PENDING("pending", (now) -> Comparator.comparingLong(ConnectionInfo::pendingBytes).reversed()),

	MSGS_TO("msgs_to", (now) -> Comparator.comparingLong(ConnectionInfo::outMessages).reversed()),

	MSGS_FROM("msgs_from", (now) -> Comparator.comparingLong(ConnectionInfo::inMessages).reversed()),

	BYTES_TO("bytes_to", (now) -> Comparator.comparingLong(ConnectionInfo::outBytes).reversed()),

	BYTES_FROM("bytes_from", (now) -> Comparator.comparingLong(ConnectionInfo::inBytes).reversed()),

	LAST("last", (now) -> Comparator.comparing(ConnectionInfo::lastActivity).reversed()),

	IDLE("idle", (now) -> Comparator.comparing(ConnectionInfo::activeSpan).reversed()),

	UPTIME("uptime", (now) -> Comparator.comparing((ConnectionInfo info) -> info.uptime(now))),

	STOP("stop", (now) -> Comparator.comparing(ConnectionInfo::stop).reversed()),

	REASON("reason", (now) -> Comparator.comparing(ConnectionInfo::reason));

	private final String option;

	private final Function<Instant, Comparator<ConnectionInfo>> order;

	ConnectionSort(String option, Function<Instant, Comparator<ConnectionInfo>> order) {
		this.option = option;
		this.order = order;
	}

	/**
	 * The sort named by {@code sort}; the empty string means by cid.
	 * @throws BadQueryException {@code invalid sorting option: <value>}
	 */
	static ConnectionSort parse(String text) {
		if (text.isEmpty()) {
			return CID;
		}
		return Arrays.stream(values())
			.filter((sort) -> sort.option.equals(text))
			.findFirst()
			.orElseThrow(() -> new BadQueryException("invalid sorting option: " + text));
	}

	/** Whether this sort needs closed connections only ({@code stop}, {@code reason}). */
	boolean onlyForClosed() {
		return this == STOP || this == REASON;
	}

	String option() {
		return this.option;
	}

	Comparator<ConnectionInfo> comparator(Instant now) {
		return this.order.apply(now);
	}
}
