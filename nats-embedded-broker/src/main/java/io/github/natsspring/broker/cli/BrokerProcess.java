package io.github.natsspring.broker.cli;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.natsspring.broker.NatsBroker;

/**
 * A started broker as the process running it sees it: stopped once with the exit status the cause calls for,
 * or put in lame-duck mode, after which the process exits with status 0 when the broker has stopped by itself;
 * its log file reopened after rotation.
 */
final class BrokerProcess {

	private static final long LAME_DUCK_POLL_MILLIS = 200;

	private final NatsBroker broker;

	private final StartupBanner banner;

	private final ServerLogging logging;

	private final BrokerFlags flags;

	private final AtomicBoolean shuttingDown = new AtomicBoolean();

	private final AtomicBoolean lameDuck = new AtomicBoolean();

	private final CountDownLatch exited = new CountDownLatch(1);

	private volatile int exitStatus;

	BrokerProcess(NatsBroker broker, StartupBanner banner, ServerLogging logging, BrokerFlags flags) {
		this.broker = broker;
		this.banner = banner;
		this.logging = logging;
		this.flags = flags;
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
	void reopenLogFile() {
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

	/** nats-server reloads its configuration file; without one, as here, it logs why it cannot. */
	void reloadConfiguration() {
		banner.reloadUnsupported();
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
