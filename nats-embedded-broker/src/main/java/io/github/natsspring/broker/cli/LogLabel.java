package io.github.natsspring.broker.cli;

import java.util.logging.Level;

/** The level labels nats-server writes in its log lines, and which logging levels they stand for. */
public enum LogLabel {

	/** Protocol traces: {@code FINER} and {@code FINEST}, {@link System.Logger.Level#TRACE}. */
	TRC,

	/** Debug lines: {@code CONFIG} and {@code FINE}, {@link System.Logger.Level#DEBUG}. */
	DBG,

	/** Notices: {@code INFO}. */
	INF,

	/** Warnings: {@code WARNING}. */
	WRN,

	/** Errors: {@code SEVERE}. */
	ERR,

	/** Fatal errors, after which the server exits: {@link #FATAL} and above. */
	FTL;

	/** The level of fatal errors, above {@code SEVERE}; nats-server exits after logging one. */
	public static final Level FATAL = new FatalLevel();

	/** The label a record of this level is written with. */
	public static LogLabel of(Level level) {
		int value = level.intValue();
		if (value >= FATAL.intValue()) {
			return FTL;
		}
		if (value >= Level.SEVERE.intValue()) {
			return ERR;
		}
		if (value >= Level.WARNING.intValue()) {
			return WRN;
		}
		if (value >= Level.INFO.intValue()) {
			return INF;
		}
		return (value >= Level.FINE.intValue()) ? DBG : TRC;
	}

	/** Whether lines with this label are written, given nats-server's {@code -D} and {@code -V} switches. */
	public boolean isEnabled(boolean debug, boolean trace) {
		return switch (this) {
			case TRC -> trace;
			case DBG -> debug;
			default -> true;
		};
	}

	private static final class FatalLevel extends Level {

		private static final long serialVersionUID = 1L;

		private FatalLevel() {
			super("FATAL", Level.SEVERE.intValue() + 100);
		}
	}
}
