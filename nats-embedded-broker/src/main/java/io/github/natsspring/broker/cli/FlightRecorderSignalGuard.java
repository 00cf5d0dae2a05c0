package io.github.natsspring.broker.cli;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Gives SIGUSR2 back to the JVM once Java Flight Recorder runs. HotSpot suspends threads with SIGUSR2 to take
 * JFR's execution samples, unless the environment variable {@code _JAVA_SR_SIGNUM} names another signal; with
 * the broker's lame-duck handler on SIGUSR2, every sample of a busy broker would be taken for an operator's
 * {@code kill -USR2} and put the broker in lame-duck mode. So when JFR starts (at launch, or later through
 * {@code jcmd}), the JVM's own handler is put back and the broker says why SIGUSR2 no longer enters lame duck.
 */
final class FlightRecorderSignalGuard {

	/** The signal number HotSpot suspends threads with unless told otherwise. */
	private static final String SIGUSR2_NUMBER = "12";

	private FlightRecorderSignalGuard() {
	}

	/**
	 * Whether Flight Recorder already runs (started with the JVM) and needs SIGUSR2, so that the lame-duck
	 * handler must not be installed at all: a sample could take it for the operator's signal before the handler
	 * is given back.
	 * @return {@code true} when SIGUSR2 is to be left to the JVM from the start
	 */
	static boolean flightRecorderHoldsUsr2() {
		try {
			return jvmSuspendsWithUsr2() && FlightRecorder.isInitialized();
		}
		catch (LinkageError noFlightRecorder) {
			return false;
		}
	}

	private static boolean jvmSuspendsWithUsr2() {
		String suspendSignal = System.getenv("_JAVA_SR_SIGNUM");
		return suspendSignal == null || suspendSignal.equals(SIGUSR2_NUMBER);
	}

	/**
	 * Watches for Flight Recorder when the JVM suspends threads with SIGUSR2.
	 * @param usr2 the signal the lame-duck handler is installed on
	 * @param jvmHandler the handler it replaced, the JVM's
	 * @param banner where to say that the signal was given back
	 */
	static void install(Signal usr2, SignalHandler jvmHandler, StartupBanner banner) {
		if (!jvmSuspendsWithUsr2()) {
			return;
		}
		try {
			FlightRecorder.addListener(new FlightRecorderListener() {
				@Override
				public void recorderInitialized(FlightRecorder recorder) {
					Signal.handle(usr2, jvmHandler);
					banner.lameDuckSignalGivenToFlightRecorder();
				}
			});
		}
		catch (LinkageError noFlightRecorder) {
			// a runtime image without jdk.jfr has no Flight Recorder to share the signal with
		}
	}
}
