package io.github.natsspring.broker.cli;

import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * Writes each record as soon as it is logged, as nats-server does, to standard error or a log file.
 * Closing it leaves standard error open.
 */
final class LogLineHandler extends StreamHandler {

	private final boolean ownsStream;

	private LogLineHandler(OutputStream out, NatsLogFormatter formatter, boolean ownsStream) {
		super(out, formatter);
		this.ownsStream = ownsStream;
		try {
			setEncoding(StandardCharsets.UTF_8.name());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
	}

	/** A handler writing to standard error, which it never closes. */
	static LogLineHandler standardError(NatsLogFormatter formatter) {
		return new LogLineHandler(System.err, formatter, false);
	}

	/** A handler writing to a stream it owns and closes. */
	static LogLineHandler owning(OutputStream out, NatsLogFormatter formatter) {
		return new LogLineHandler(out, formatter, true);
	}

	@Override
	public synchronized void publish(LogRecord record) {
		super.publish(record);
		flush();
	}

	/** Writes to this stream from now on, closing the previous one. */
	synchronized void switchTo(OutputStream out) {
		setOutputStream(out);
	}

	@Override
	public synchronized void close() {
		if (ownsStream) {
			super.close();
		}
		else {
			flush();
		}
	}
}
