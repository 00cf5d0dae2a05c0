package io.github.natsspring.broker.connection;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.BrokerLimits;

/**
 * The timers that keep a client honest, as nats-server runs them: the authentication timeout before CONNECT,
 * then a PING every ping interval (the first one soon after CONNECT, to measure the round trip) and a stale
 * connection once too many are unanswered. Event loop only.
 */
final class ClientLiveness {

	/** nats-server sends its first PING this long after CONNECT, to measure the round trip early. */
	private static final long FIRST_PING_MILLIS = 2000;

	private final ClientConnection client;

	private BrokerLimits limits;

	private ScheduledFuture<?> authTimer;

	private ScheduledFuture<?> pingTimer;

	private int pingsOut;

	/** Whether a PING of the client was answered: nats-server's condition for sending it async INFO. */
	private boolean clientPingAnswered;

	/** Uses reloaded limits from the next ping on. */
	void setLimits(BrokerLimits limits) {
		this.limits = limits;
	}

	ClientLiveness(ClientConnection client, BrokerLimits limits) {
		this.client = client;
		this.limits = limits;
	}

	void awaitAuthentication() {
		this.authTimer = this.client.channel().eventLoop().schedule(this::authTimeout,
				this.limits.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Called on every accepted CONNECT: stops the auth timer and starts pinging, once. */
	void connected() {
		cancel(this.authTimer);
		if (this.pingTimer == null) {
			long firstPing = Math.min(FIRST_PING_MILLIS, this.limits.pingInterval().toMillis());
			firstPing += ThreadLocalRandom.current().nextLong(firstPing / 5 + 1);
			this.pingTimer = this.client.channel().eventLoop().schedule(this::pingTimerFired, firstPing,
					TimeUnit.MILLISECONDS);
		}
	}

	void clientPingAnswered() {
		this.clientPingAnswered = true;
	}

	boolean isClientPingAnswered() {
		return this.clientPingAnswered;
	}

	void pongReceived() {
		this.pingsOut = 0;
		this.client.statistics().pongReceived(System.nanoTime());
	}

	void stop() {
		cancel(this.authTimer);
		cancel(this.pingTimer);
	}

	private void authTimeout() {
		if (!this.client.session().isAuthenticated() && !this.client.isClosed()) {
			this.client.log().error("Authentication Timeout");
			this.client.closeWithError("Authentication Timeout");
		}
	}

	private void pingTimerFired() {
		if (this.client.isClosed()) {
			return;
		}
		if (this.pingsOut + 1 > this.limits.maxPingsOut()) {
			this.client.log().debug("Stale Client Connection - Closing");
			this.client.closeWithError("Stale Connection");
			return;
		}
		this.pingsOut++;
		this.client.sendPing();
		this.pingTimer = this.client.channel().eventLoop().schedule(this::pingTimerFired,
				this.limits.pingInterval().toMillis(), TimeUnit.MILLISECONDS);
	}

	private static void cancel(ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
	}
}
