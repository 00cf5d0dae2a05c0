package io.github.natsspring.broker.interop.cluster;

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
 * Supplies the topologies a cluster scenario runs on: all of them, unless the system property {@value #PROPERTY}
 * names a comma-separated subset of their keys (e.g. {@code -Dcluster.topologies=nats-server,broker-seed}).
 */
final class SelectedTopologies implements ArgumentsProvider {

	static final String PROPERTY = "cluster.topologies";

	@Override
	public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
		return selected().stream().map(Arguments::of);
	}

	static List<ClusterTopology> selected() {
		String property = System.getProperty(PROPERTY, "").trim();
		if (property.isEmpty()) {
			return List.of(ClusterTopology.values());
		}
		Set<String> keys = Arrays.stream(property.split(",")).map(String::trim).collect(Collectors.toSet());
		List<ClusterTopology> topologies = Arrays.stream(ClusterTopology.values())
			.filter(topology -> keys.contains(topology.key()))
			.toList();
		if (topologies.size() != keys.size()) {
			throw new IllegalArgumentException(PROPERTY + "=" + property + " names an unknown topology; known: "
					+ Arrays.stream(ClusterTopology.values()).map(ClusterTopology::key).toList());
		}
		return topologies;
	}
}
