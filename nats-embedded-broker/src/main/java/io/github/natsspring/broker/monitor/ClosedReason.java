package io.github.natsspring.broker.monitor;

import java.util.Map;

/**
 * nats-server's words for why a connection closed, as {@code /connz?state=closed} shows them, from the reason the
 * broker's connection gave when it closed ({@code -ERR <text>} for closes that sent an error first).
 */
final class ClosedReason {

	private static final Map<String, String> NATS_SERVER_WORDS = Map.ofEntries(
			Map.entry("-ERR Authentication Timeout", "Authentication Timeout"),
			Map.entry("-ERR Authorization Violation", "Authentication Failure"),
			Map.entry("-ERR Stale Connection", "Stale Connection"),
			Map.entry("-ERR maximum connections exceeded", "Maximum Connections Exceeded"),
			Map.entry("-ERR maximum control line exceeded", "Maximum Control Line Exceeded"),
			Map.entry("-ERR Maximum Payload Violation", "Maximum Message Payload Exceeded"),
			Map.entry("-ERR Unknown Protocol Operation", "Parse Error"),
			Map.entry("-ERR invalid client protocol", "Bad Client Protocol Version"),
			Map.entry("-ERR no responders requires headers support", "No Responders Requires Headers"),
			Map.entry("Protocol violation", "Parse Error"),
			Map.entry("Client sent -ERR", "Parse Error"),
			Map.entry("HPUB without headers support", "Protocol Violation"),
			Map.entry("TLS Handshake Error", "TLS Handshake Failure"),
			Map.entry("Connection error", "Read Error"));

	private ClosedReason() {
	}

	/**
	 * The reason in nats-server's words.
	 * @param brokerReason the reason the connection closed with
	 * @return nats-server's wording, or the reason itself where both say the same ({@code Client Closed},
	 * {@code Server Shutdown}, {@code Slow Consumer (Pending Bytes)}, …)
	 */
	static String of(String brokerReason) {
		return NATS_SERVER_WORDS.getOrDefault(brokerReason, brokerReason);
	}
}
