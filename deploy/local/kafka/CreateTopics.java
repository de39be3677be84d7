import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the motcua topics that are missing (run by deploy/local/up.sh as a single-file program
 * on the broker's own classpath). Arguments: bootstrap servers, then name:partitions pairs.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String[] spec = args[i].split(":");
                if (!existing.contains(spec[0])) {
                    missing.add(new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 1)
                            .configs(Map.of("retention.ms", "-1", "min.insync.replicas", "1")));
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            System.out.println("topics: " + (missing.isEmpty() ? "all present" : "created " + missing.size()));
        }
    }
}
