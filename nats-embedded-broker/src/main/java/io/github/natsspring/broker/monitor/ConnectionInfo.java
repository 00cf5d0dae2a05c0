package io.github.natsspring.broker.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.natsspring.broker.protocol.GoDuration;

/**
 * One connection as {@code /connz} shows it, taken on the connection's own event loop (open connections) or as
 * it closed (closed ones).
 *
 * @param cid the connection id
 * @param ip the client's address
 * @param port the client's port
 * @param start when the connection was accepted
 * @param lastActivity when the client last sent something
 * @param stop when it closed, {@code null} while open
 * @param reason why it closed, in nats-server's words; {@code null} while open
 * @param roundTripNanos the round trip of the last answered PING, 0 before the first
 * @param pendingBytes bytes queued for the client
 * @param inMessages messages the client published
 * @param outMessages messages delivered to the client
 * @param inBytes payload bytes the client published
 * @param outBytes payload bytes delivered to the client
 * @param name the name from CONNECT, or {@code null}
 * @param lang the client library's language, or {@code null}
 * @param version the client library's version, or {@code null}
 * @param tlsVersion the TLS version, e.g. {@code 1.3}, or {@code null} for plaintext
 * @param tlsCipher the cipher suite, or {@code null} for plaintext
 * @param user the user the client authenticated as, or {@code null}
 * @param account the account it is bound to
 * @param subscriptions its subscriptions
 */
public record ConnectionInfo(long cid, String ip, int port, Instant start, Instant lastActivity, Instant stop,
		String reason, long roundTripNanos, long pendingBytes, long inMessages, long outMessages, long inBytes,
		long outBytes, String name, String lang, String version, String tlsVersion, String tlsCipher, String user,
		String account, List<SubscriptionDetail> subscriptions) {

	/** Copies the subscription list. */
	public ConnectionInfo {
		subscriptions = List.copyOf(subscriptions);
	}

	/**
	 * This connection as it closed.
	 * @param stopped when
	 * @param closeReason why, in nats-server's words
	 * @return the closed connection
	 */
	public ConnectionInfo closed(Instant stopped, String closeReason) {
		return new ConnectionInfo(this.cid, this.ip, this.port, this.start, this.lastActivity, stopped, closeReason,
				this.roundTripNanos, 0, this.inMessages, this.outMessages, this.inBytes, this.outBytes, this.name,
				this.lang, this.version, this.tlsVersion, this.tlsCipher, this.user, this.account, this.subscriptions);
	}

	/** The number of subscriptions. */
	int subscriptionCount() {
		return this.subscriptions.size();
	}

	/** How long the connection has been (or was) up at the given moment. */
	Duration uptime(Instant now) {
		return Duration.between(this.start, (this.stop != null) ? this.stop : now);
	}

	/** How long between the start and the last activity; nats-server's {@code idle} sort key. */
	Duration activeSpan() {
		return Duration.between(this.start, this.lastActivity);
	}

	void write(GoJsonWriter json, Instant now, ConnzQuery query) {
		json.beginObject()
			.field("cid", this.cid)
			.field("kind", "Client")
			.field("type", "nats")
			.field("ip", this.ip)
			.field("port", this.port)
			.field("start", GoTime.format(this.start))
			.field("last_activity", GoTime.format(this.lastActivity));
		if (this.stop != null) {
			json.field("stop", GoTime.format(this.stop)).fieldOmitEmpty("reason", this.reason);
		}
		json.field("rtt", roundTrip())
			.field("uptime", GoTime.uptime(uptime(now)))
			.field("idle", GoTime.uptime(Duration.between(this.lastActivity, (this.stop != null) ? this.stop : now)))
			.field("pending_bytes", this.pendingBytes)
			.field("in_msgs", this.inMessages)
			.field("out_msgs", this.outMessages)
			.field("in_bytes", this.inBytes)
			.field("out_bytes", this.outBytes)
			.field("subscriptions", this.subscriptions.size())
			.fieldOmitEmpty("name", this.name)
			.fieldOmitEmpty("lang", this.lang)
			.fieldOmitEmpty("version", this.version)
			.fieldOmitEmpty("tls_version", this.tlsVersion)
			.fieldOmitEmpty("tls_cipher_suite", this.tlsCipher);
		if (query.auth()) {
			json.fieldOmitEmpty("authorized_user", this.user);
			if (this.account != null && !this.account.equals("$G")) {
				json.field("account", this.account);
			}
		}
		if (!this.subscriptions.isEmpty()) {
			if (query.subscriptionsDetail()) {
				json.name("subscriptions_list_detail").beginArray();
				this.subscriptions.forEach((subscription) -> subscription.write(json, false));
				json.endArray();
			}
			else if (query.subscriptions()) {
				json.name("subscriptions_list").beginArray();
				this.subscriptions.forEach((subscription) -> json.value(subscription.subject()));
				json.endArray();
			}
		}
		json.endObject();
	}

	// nats-server: between 1µs and 1ms truncated to microseconds
	private String roundTrip() {
		long nanos = this.roundTripNanos;
		if (nanos > 1_000 && nanos < 1_000_000) {
			nanos -= nanos % 1_000;
		}
		return GoDuration.format(Duration.ofNanos(nanos));
	}
}
