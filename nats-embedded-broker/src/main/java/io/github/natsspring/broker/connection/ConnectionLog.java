package io.github.natsspring.broker.connection;

import io.github.natsspring.broker.BrokerLogging;

/**
 * The log lines of one connection, prefixed as nats-server prefixes them ({@code 127.0.0.1:50412 - cid:5 - }),
 * debug and trace lines only when the broker's logging asks for them.
 */
public final class ConnectionLog {

	private static final System.Logger LOG = System.getLogger(Connection.class.getName());

	private final String prefix;

	/** Volatile: a reload changes it, and deliveries on other event loops read it. */
	private volatile BrokerLogging logging;

	ConnectionLog(String remoteAddress, String idLabel, long id, BrokerLogging logging) {
		this.prefix = remoteAddress + " - " + idLabel + ":" + id + " - ";
		this.logging = logging;
	}

	/**
	 * The prefix of every line, such as {@code 127.0.0.1:50412 - cid:5 - }.
	 * @return the prefix
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * Whether trace lines are logged.
	 * @return {@code true} with tracing on
	 */
	public boolean isTraceEnabled() {
		return this.logging.trace();
	}

	/**
	 * Whether debug lines are logged.
	 * @return {@code true} with debug on
	 */
	public boolean isDebugEnabled() {
		return this.logging.debug();
	}

	/**
	 * Logs a trace line, when tracing is on.
	 * @param message the line after the prefix
	 */
	public void trace(String message) {
		if (this.logging.trace()) {
			LOG.log(System.Logger.Level.TRACE, this.prefix + message);
		}
	}

	/**
	 * Logs a debug line, when debug is on.
	 * @param message the line after the prefix
	 */
	public void debug(String message) {
		if (this.logging.debug()) {
			LOG.log(System.Logger.Level.DEBUG, this.prefix + message);
		}
	}

	/**
	 * Logs a notice.
	 * @param message the line after the prefix
	 */
	public void notice(String message) {
		LOG.log(System.Logger.Level.INFO, this.prefix + message);
	}

	/**
	 * Logs an error.
	 * @param message the line after the prefix
	 */
	public void error(String message) {
		LOG.log(System.Logger.Level.ERROR, this.prefix + message);
	}

	/** Switches to new logging settings, after a configuration reload. */
	void setLogging(BrokerLogging logging) {
		this.logging = logging;
	}
}
