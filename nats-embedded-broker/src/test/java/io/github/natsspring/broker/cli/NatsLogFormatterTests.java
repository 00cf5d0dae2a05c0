package io.github.natsspring.broker.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class NatsLogFormatterTests {

	private static final Instant AT = Instant.parse("2026-11-27T11:03:08.055149123Z");

	private final NatsLogFormatter formatter = new NatsLogFormatter(5810, ZoneId.of("UTC"), true, false);

	@Test
	void lineHasPidMicrosecondTimestampLabelAndMessageLikeNatsServer() {
		assertThat(formatter.format(record(Level.INFO, "Server is ready")))
			.isEqualTo("[5810] 2026/11/27 11:03:08.055149 [INF] Server is ready\n");
	}

	@Test
	void timestampIsInTheGivenLocalZone() {
		NatsLogFormatter paris = new NatsLogFormatter(1, ZoneId.of("Europe/Paris"), true, false);
		assertThat(paris.format(record(Level.INFO, "x"))).isEqualTo("[1] 2026/11/27 12:03:08.055149 [INF] x\n");
	}

	@Test
	void timestampIsLeftOutWhenTurnedOff() {
		NatsLogFormatter untimed = new NatsLogFormatter(5810, ZoneId.of("UTC"), false, false);
		assertThat(untimed.format(record(Level.WARNING, "Plaintext passwords detected, use nkeys or bcrypt")))
			.isEqualTo("[5810] [WRN] Plaintext passwords detected, use nkeys or bcrypt\n");
	}

	@ParameterizedTest
	@CsvSource({ "FATAL, FTL", "SEVERE, ERR", "WARNING, WRN", "INFO, INF", "CONFIG, DBG", "FINE, DBG", "FINER, TRC",
			"FINEST, TRC" })
	void julLevelsGetNatsServerLabels(String level, String label) {
		Level parsed = level.equals("FATAL") ? LogLabel.FATAL : Level.parse(level);
		assertThat(formatter.format(record(parsed, "m"))).contains(" [" + label + "] m");
	}

	@ParameterizedTest
	@CsvSource({ "ERROR, ERR", "WARNING, WRN", "INFO, INF", "DEBUG, DBG", "TRACE, TRC" })
	void systemLoggerLevelsGetNatsServerLabels(System.Logger.Level level, LogLabel label) {
		String name = "io.github.natsspring.broker.cli.test." + level;
		Logger julLogger = Logger.getLogger(name);
		List<LogRecord> records = new ArrayList<>();
		Handler capture = new Handler() {
			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		julLogger.setLevel(Level.ALL);
		julLogger.setUseParentHandlers(false);
		julLogger.addHandler(capture);
		try {
			System.getLogger(name).log(level, "m");
		}
		finally {
			julLogger.removeHandler(capture);
		}
		assertThat(records).singleElement()
			.satisfies((record) -> assertThat(LogLabel.of(record.getLevel())).isEqualTo(label));
	}

	@Test
	void messageParametersAreFilledIn() {
		LogRecord record = record(Level.INFO, "Listening for client connections on {0}:{1}");
		record.setParameters(new Object[] { "127.0.0.1", "4222" });
		assertThat(formatter.format(record)).endsWith("[INF] Listening for client connections on 127.0.0.1:4222\n");
	}

	@Test
	void thrownExceptionIsSummarisedOnTheSameLine() {
		LogRecord record = record(Level.SEVERE, "Error reading from client");
		record.setThrown(new java.io.IOException("Connection reset"));
		assertThat(formatter.format(record))
			.isEqualTo("[5810] 2026/11/27 11:03:08.055149 [ERR] Error reading from client: "
					+ "java.io.IOException: Connection reset\n");
	}

	@Test
	void stackTraceFollowsTheLineWhenAskedFor() {
		NatsLogFormatter withStacks = new NatsLogFormatter(5810, ZoneId.of("UTC"), true, true);
		LogRecord record = record(Level.SEVERE, "boom");
		record.setThrown(new IllegalStateException("bad"));
		String formatted = withStacks.format(record);
		assertThat(formatted)
			.startsWith("[5810] 2026/11/27 11:03:08.055149 [ERR] boom: java.lang.IllegalStateException: bad\n"
					+ "java.lang.IllegalStateException: bad\n\tat ");
	}

	@ParameterizedTest
	@EnumSource(LogLabel.class)
	void onlyDebugAndTraceLinesDependOnTheSwitches(LogLabel label) {
		boolean alwaysShown = label != LogLabel.DBG && label != LogLabel.TRC;
		assertThat(label.isEnabled(false, false)).isEqualTo(alwaysShown);
		assertThat(label.isEnabled(true, false)).isEqualTo(alwaysShown || label == LogLabel.DBG);
		assertThat(label.isEnabled(false, true)).isEqualTo(alwaysShown || label == LogLabel.TRC);
	}

	private static LogRecord record(Level level, String message) {
		LogRecord record = new LogRecord(level, message);
		record.setInstant(AT);
		return record;
	}
}
