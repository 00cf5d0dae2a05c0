package io.github.natsspring.broker.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats log records exactly as nats-server writes its plain (uncoloured) log lines:
 * {@code [pid] yyyy/MM/dd HH:mm:ss.SSSSSS [INF] message}, in local time, one line per record, or
 * {@code [pid] [INF] message} without timestamps ({@code -T=false}). A thrown exception is summarised at the
 * end of the line; its stack trace follows only when asked for, since nats-server's lines are single lines.
 */
public final class NatsLogFormatter extends Formatter {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss.SSSSSS");

	private final String pidPrefix;

	private final ZoneId zone;

	private final boolean timestamps;

	private final boolean stackTraces;

	/**
	 * A formatter for this process, in the system time zone.
	 * @param timestamps whether lines carry a timestamp
	 * @param stackTraces whether a thrown exception's stack trace follows its line
	 */
	public NatsLogFormatter(boolean timestamps, boolean stackTraces) {
		this(ProcessHandle.current().pid(), ZoneId.systemDefault(), timestamps, stackTraces);
	}

	NatsLogFormatter(long pid, ZoneId zone, boolean timestamps, boolean stackTraces) {
		this.pidPrefix = "[" + pid + "] ";
		this.zone = zone;
		this.timestamps = timestamps;
		this.stackTraces = stackTraces;
	}

	@Override
	public String format(LogRecord record) {
		StringBuilder line = new StringBuilder(128).append(pidPrefix);
		if (timestamps) {
			TIMESTAMP.formatTo(record.getInstant().atZone(zone), line);
			line.append(' ');
		}
		line.append('[').append(LogLabel.of(record.getLevel()).name()).append("] ").append(formatMessage(record));
		Throwable thrown = record.getThrown();
		if (thrown != null) {
			line.append(": ").append(thrown);
		}
		line.append('\n');
		if (thrown != null && stackTraces) {
			StringWriter trace = new StringWriter();
			thrown.printStackTrace(new PrintWriter(trace));
			line.append(trace);
		}
		return line.toString();
	}
}
