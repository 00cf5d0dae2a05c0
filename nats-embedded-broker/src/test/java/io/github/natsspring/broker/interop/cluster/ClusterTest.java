package io.github.natsspring.broker.interop.cluster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A cluster scenario that runs once per {@link ClusterTopology}: the test method takes the topology as its only
 * parameter and gets its cluster from {@link ClusterScenario#cluster(ClusterTopology)}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(SelectedTopologies.class)
@interface ClusterTest {

}
