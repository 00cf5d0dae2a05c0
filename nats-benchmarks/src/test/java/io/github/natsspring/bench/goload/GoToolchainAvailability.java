package io.github.natsspring.bench.goload;

import java.nio.file.Files;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Checks for Debian's Go and nats.go: tests that build the generator fail when either is missing on CI and are
 * skipped elsewhere.
 */
public final class GoToolchainAvailability {

	private GoToolchainAvailability() {
	}

	/**
	 * Fails on CI and skips elsewhere when Go or nats.go is missing.
	 */
	public static void require() {
		boolean available = GoLoadBuild.findGo().isPresent() && Files.isDirectory(GoLoadBuild.NATS_GO);
		if (!available && "true".equals(System.getenv("CI"))) {
			fail("golang-go and golang-github-nats-io-go-nats-dev are required on CI (go on PATH or at "
					+ "/usr/lib/go/bin/go, nats.go at " + GoLoadBuild.NATS_GO + ")");
		}
		Assumptions.assumeTrue(available, "Go or nats.go not installed");
	}

}
