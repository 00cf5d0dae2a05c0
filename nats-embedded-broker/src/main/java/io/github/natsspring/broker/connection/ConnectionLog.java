package io.github.natsspring.broker.connection;

import io.github.natsspring.broker.BrokerLogging;

/**
 * The log lines of one connection, prefixed as nats-server prefixes them ({@code 127.0.0.1:50412 - cid:5 - }),
 * debug and trace lines only when the broker's logging asks for them.
 */
final class ConnectionLog {

	private static final System.Logger LOG = System.getLogger(Connection.class.getName());

	private final String prefix;

	/** Volatile: a reload changes it, and deliveries on other event loops read it. */
	private volatile BrokerLogging logging;

	ConnectionLog(String remoteAddress, long id, BrokerLogging logging) {
		this.prefix = remoteAddress + " - cid:" + id + " - ";
		this.logging = logging;
	}

	String prefix() {
		return this.prefix;
	}

	boolean isTraceEnabled() {
		return this.logging.trace();
	}

	boolean isDebugEnabled() {
		return this.logging.debug();
	}

	void trace(String message) {
		if (this.logging.trace()) {
			LOG.log(System.Logger.Level.TRACE, this.prefix + message);
		}
	}

	void debug(String message) {
		if (this.logging.debug()) {
			LOG.log(System.Logger.Level.DEBUG, this.prefix + message);
		}
	}

	void notice(String message) {
		LOG.log(System.Logger.Level.INFO, this.prefix + message);
	}

	void error(String message) {
		LOG.log(System.Logger.Level.ERROR, this.prefix + message);
	}

	/** Switches to new logging settings, after a configuration reload. */
	void setLogging(BrokerLogging logging) {
		this.logging = logging;
	}
}
