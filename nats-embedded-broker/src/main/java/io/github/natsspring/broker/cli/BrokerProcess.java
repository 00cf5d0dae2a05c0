package io.github.natsspring.broker.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.config.ConfigFileReader;
import io.github.natsspring.broker.config.ServerSettings;

/**
 * A started broker as the process running it sees it: stopped once with the exit status the cause calls for,
 * or put in lame-duck mode, after which the process exits with status 0 when the broker has stopped by itself;
 * its log file reopened after rotation.
 */
final class BrokerProcess {

	private static final long LAME_DUCK_POLL_MILLIS = 200;

	private final NatsBroker broker;

	private final StartupBanner banner;

	private ServerLogging logging;

	private final BrokerFlags flags;

	/** The settings in force, replaced by each successful reload. */
	private ServerSettings settings;

	private final AtomicBoolean shuttingDown = new AtomicBoolean();

	private final AtomicBoolean lameDuck = new AtomicBoolean();

	private final CountDownLatch exited = new CountDownLatch(1);

	private volatile int exitStatus;

	BrokerProcess(NatsBroker broker, StartupBanner banner, ServerLogging logging, BrokerFlags flags,
			ServerSettings settings) {
		this.broker = broker;
		this.banner = banner;
		this.logging = logging;
		this.flags = flags;
		this.settings = settings;
	}

	/** Stops the broker and lets {@link #awaitExit()} return this status; later calls do nothing. */
	void shutdown(int status) {
		if (!shuttingDown.compareAndSet(false, true)) {
			return;
		}
		banner.shuttingDown();
		broker.stop();
		banner.exiting();
		exitStatus = status;
		exited.countDown();
	}

	/** Enters lame-duck mode once; the process exits with status 0 when the broker has finished it. */
	void enterLameDuckMode() {
		if (!lameDuck.compareAndSet(false, true)) {
			return;
		}
		broker.enterLameDuckMode();
		// The broker offers no completion callback, so watch for the moment it stops on its own.
		ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "nats-broker-lame-duck-watch");
			thread.setDaemon(true);
			return thread;
		});
		watcher.scheduleWithFixedDelay(() -> {
			if (!broker.isRunning()) {
				watcher.shutdown();
				shutdown(0);
			}
		}, LAME_DUCK_POLL_MILLIS, LAME_DUCK_POLL_MILLIS, TimeUnit.MILLISECONDS);
	}

	/** Reopens the log file, as after log rotation; only notes it when the log goes to standard error. */
	synchronized void reopenLogFile() {
		if (!logging.isToFile()) {
			banner.logFileReopenIgnored();
			return;
		}
		try {
			logging.reopenFile();
			banner.logFileReopened();
		}
		catch (IOException ex) {
			banner.logFileReopenFailed(ex.toString());
		}
	}

	/**
	 * Reloads the configuration file, the command line laid over it again, as nats-server does on SIGHUP; without
	 * a file it logs why it cannot. A file that does not read, or changes what cannot change while running, is
	 * refused with nats-server's error and the running configuration kept.
	 */
	synchronized void reloadConfiguration() {
		if (flags.configFile().isEmpty()) {
			banner.reloadUnsupported();
			return;
		}
		ServerSettings reloaded;
		try {
			ServerSettings.Builder builder = flags.beforeConfigFile(ServerSettings.builder());
			ConfigFileReader.read(flags.configFile(), builder);
			reloaded = flags.applyTo(builder).build();
			broker.reload(reloaded.toOptions());
		}
		catch (NatsBrokerException | IllegalArgumentException ex) {
			banner.reloadFailed(ex.getMessage());
			return;
		}
		ServerSettings previous = this.settings;
		this.settings = reloaded;
		reloadLogging(previous, reloaded);
		if (!reloaded.pidFile().isEmpty() && !reloaded.pidFile().equals(previous.pidFile())) {
			try {
				PidFile.write(Path.of(reloaded.pidFile()));
				banner.reloadedSetting("pid_file", reloaded.pidFile());
			}
			catch (IOException ex) {
				banner.pidFileReloadFailed(GoOpenError.message(reloaded.pidFile(), ex));
			}
		}
	}

	private void reloadLogging(ServerSettings previous, ServerSettings reloaded) {
		boolean sameLog = previous.logFile().equals(reloaded.logFile()) && previous.logTime() == reloaded.logTime()
				&& previous.debug() == reloaded.debug() && previous.trace() == reloaded.trace();
		if (sameLog) {
			return;
		}
		try {
			this.logging = ServerLogging.install(reloaded);
		}
		catch (IOException ex) {
			banner.logFileReopenFailed(ex.toString());
			return;
		}
		if (previous.logTime() != reloaded.logTime()) {
			banner.reloadedSetting("logtime", String.valueOf(reloaded.logTime()));
		}
		if (!previous.logFile().equals(reloaded.logFile())) {
			banner.reloadedSetting("log_file", reloaded.logFile());
		}
	}

	/** Whether lame-duck mode was entered; nats-server then ignores SIGTERM. */
	boolean isInLameDuckMode() {
		return lameDuck.get();
	}

	/** Blocks until the broker was shut down and returns the status the process should exit with. */
	int awaitExit() throws InterruptedException {
		exited.await();
		return exitStatus;
	}
}
