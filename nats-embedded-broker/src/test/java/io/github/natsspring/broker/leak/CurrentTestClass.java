package io.github.natsspring.broker.leak;

/**
 * The test class running now, as the hint Netty stores with each tracked allocation: a leak often surfaces
 * only after a later class has started, and the hint still names the class that allocated it.
 */
final class CurrentTestClass {

	private static volatile String hint;

	private CurrentTestClass() {
	}

	static void set(Class<?> testClass) {
		hint = (testClass != null) ? "allocated while " + testClass.getName() + " was running" : null;
	}

	static String hint() {
		return hint;
	}
}
