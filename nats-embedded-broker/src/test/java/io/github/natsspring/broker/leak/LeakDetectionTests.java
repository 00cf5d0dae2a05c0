package io.github.natsspring.broker.leak;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The recording behind the leak check: what Netty's detector reports once a buffer is collected unreleased.
 * Each leak made here is taken back by the test that made it, so the class check stays green.
 */
class LeakDetectionTests {

	@Test
	void testsRunAtParanoidLevelSoEveryBufferIsTracked() {
		assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("allocators")
	void aBufferCollectedUnreleasedIsReportedWithItsAccessRecords(String name, ByteBufAllocator allocator)
			throws InterruptedException {
		String marker = "deliberate leak " + UUID.randomUUID();
		dropUnreleased(allocator, marker);
		List<LeakReport> leaks = LeakDetection.collect((report) -> report.records().contains(marker));
		assertThat(leaks).singleElement().satisfies((leak) -> {
			assertThat(leak.resourceType()).isEqualTo("ByteBuf");
			assertThat(leak.records()).contains("Created at:", "allocated while " + LeakDetectionTests.class.getName(),
					LeakDetectionTests.class.getName() + ".dropUnreleased");
		});
	}

	@Test
	void aReleasedBufferIsNotReported() throws InterruptedException {
		String marker = "released " + UUID.randomUUID();
		ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(16);
		buffer.touch(marker).writeInt(42);
		buffer.release();
		assertThat(LeakDetection.collect((report) -> report.records().contains(marker))).isEmpty();
	}

	static Stream<Arguments> allocators() {
		return Stream.of(arguments("pooled, as the broker's channels", PooledByteBufAllocator.DEFAULT),
				arguments("Netty's default (adaptive)", ByteBufAllocator.DEFAULT),
				arguments("unpooled", UnpooledByteBufAllocator.DEFAULT));
	}

	private static void dropUnreleased(ByteBufAllocator allocator, String marker) {
		allocator.buffer(16).touch(marker).writeInt(42);
	}
}
