package io.github.natsspring.broker.leak;

/**
 * One leak as Netty's detector reported it: a tracked object was garbage-collected before its last
 * {@code release()}.
 *
 * @param resourceType the simple name of the leaked type, e.g. {@code ByteBuf}
 * @param records the access records (the last accesses, then where it was created), empty when the level
 * was too low to keep any
 */
record LeakReport(String resourceType, String records) {

	String describe() {
		String leak = "LEAK: " + this.resourceType + ".release() was not called before it was garbage-collected.";
		if (this.records.isEmpty()) {
			return leak + " No access records at this level; run with -Dio.netty.leakDetection.level=paranoid.";
		}
		return leak + this.records;
	}
}
