package dev.ard.maven.extension;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;

/** An SLF4J logger that keeps what was logged at WARN/INFO/DEBUG (level + message), for assertions. */
final class RecordingLogger {

    record Line(String level, String message, Throwable thrown) {}

    final List<Line> lines = new CopyOnWriteArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(
            Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is") && name.endsWith("Enabled")) {
                    return true;
                }
                if (List.of("warn", "info", "debug", "error", "trace").contains(name)
                        && args != null
                        && args[0] instanceof String message) {
                    Throwable thrown = args.length > 1 && args[args.length - 1] instanceof Throwable t ? t : null;
                    lines.add(new Line(name, message, thrown));
                    return null;
                }
                if (name.equals("getName")) {
                    return "test";
                }
                if (name.equals("toString")) {
                    return "RecordingLogger";
                }
                return null;
            });

    List<String> at(String level) {
        return lines.stream()
                .filter(l -> l.level().equals(level))
                .map(Line::message)
                .toList();
    }
}
