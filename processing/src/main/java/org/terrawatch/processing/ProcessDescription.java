package org.terrawatch.processing;

import java.util.List;
import java.util.Optional;

/** What a process is and takes: the same description feeds WPS DescribeProcess and OGC API - Processes. */
public record ProcessDescription(String id, String version, String title, String description, List<Parameter> inputs,
                                 List<Parameter> outputs) {

    public ProcessDescription {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<Parameter> input(String id) {
        return inputs.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Parameter> output(String id) {
        return outputs.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
