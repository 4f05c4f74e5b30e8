package so.ara.autoconfigure;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the annotated declarations are checked at startup.
 *
 * @param checkReferences whether ids named by @AraAgent(skills, handoffTo) and @AraSchedule(runAgent, runTool) must
 * exist (an agent or tool of the app, a connector:/composio: token, or a built-in); unknown ones fail startup
 * @param builtinSkills further names Ara provides itself (beyond automation_create) that skills and runTool may name
 */
@ConfigurationProperties("ara.declarations")
public record AraDeclarationsProperties(@DefaultValue("true") boolean checkReferences, List<String> builtinSkills) {

    public AraDeclarationsProperties {
        builtinSkills = builtinSkills == null ? List.of() : List.copyOf(builtinSkills);
    }
}
