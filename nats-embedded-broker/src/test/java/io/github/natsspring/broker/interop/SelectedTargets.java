package io.github.natsspring.broker.interop;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Supplies the targets a scenario runs against: all of them, unless the system property
 * {@value #PROPERTY} names a comma-separated subset (e.g. {@code -Dinterop.targets=nats-server}).
 */
final class SelectedTargets implements ArgumentsProvider {

	static final String PROPERTY = "interop.targets";

	@Override
	public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
		return selected().stream().map(Arguments::of);
	}

	static List<TargetKind> selected() {
		String property = System.getProperty(PROPERTY, "").trim();
		if (property.isEmpty()) {
			return List.of(TargetKind.values());
		}
		Set<String> labels = Arrays.stream(property.split(",")).map(String::trim).collect(Collectors.toSet());
		List<TargetKind> kinds = Arrays.stream(TargetKind.values()).filter(kind -> labels.contains(kind.label())).toList();
		if (kinds.size() != labels.size()) {
			throw new IllegalArgumentException(PROPERTY + "=" + property + " names an unknown target; known: "
					+ Arrays.toString(TargetKind.values()));
		}
		return kinds;
	}
}
