package org.terrawatch.processing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The processes this server offers, by id, in the order given. */
public final class ProcessCatalogue {

    private final Map<String, Process> processes = new LinkedHashMap<>();

    public ProcessCatalogue(List<Process> processes) {
        for (Process process : processes) {
            if (this.processes.put(process.id(), process) != null) {
                throw new IllegalArgumentException("Two processes with the id " + process.id());
            }
        }
    }

    public List<Process> all() {
        return List.copyOf(processes.values());
    }

    public Optional<Process> find(String id) {
        return Optional.ofNullable(processes.get(id));
    }
}
