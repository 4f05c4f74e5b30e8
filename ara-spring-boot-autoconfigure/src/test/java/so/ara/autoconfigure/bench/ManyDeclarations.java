package so.ara.autoconfigure.bench;

import java.util.List;
import java.util.Map;

import so.ara.annotation.AraAgent;
import so.ara.annotation.AraParam;
import so.ara.annotation.AraSchedule;
import so.ara.annotation.AraTool;

/** 200 agents and 200 tools in 20 beans: the load of the manifest start-up benchmark. Generated; do not edit by hand. */
@SuppressWarnings("unused")
final class ManyDeclarations {

    private ManyDeclarations() {
    }

    record Filter(String field, List<String> values, @AraParam(required = false) Integer limit) {
    }

    static final Class<?>[] BEANS = {Desk00.class, Desk01.class, Desk02.class, Desk03.class, Desk04.class, Desk05.class, Desk06.class, Desk07.class, Desk08.class, Desk09.class, Desk10.class, Desk11.class, Desk12.class, Desk13.class, Desk14.class, Desk15.class, Desk16.class, Desk17.class, Desk18.class, Desk19.class};

    static class Desk00 {

        @AraTool(description = "Tool 0.")
        Map<String, Object> tool000(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 0.", skills = "tool000")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent000(Map<String, Object> input) {
            return "agent 0";
        }

        @AraTool(description = "Tool 1.")
        Map<String, Object> tool001(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 1.", skills = "tool001")
        String agent001(Map<String, Object> input) {
            return "agent 1";
        }

        @AraTool(description = "Tool 2.")
        Map<String, Object> tool002(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 2.", skills = "tool002")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent002(Map<String, Object> input) {
            return "agent 2";
        }

        @AraTool(description = "Tool 3.")
        Map<String, Object> tool003(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 3.", skills = "tool003")
        String agent003(Map<String, Object> input) {
            return "agent 3";
        }

        @AraTool(description = "Tool 4.")
        Map<String, Object> tool004(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 4.", skills = "tool004")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent004(Map<String, Object> input) {
            return "agent 4";
        }

        @AraTool(description = "Tool 5.")
        Map<String, Object> tool005(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 5.", skills = "tool005")
        String agent005(Map<String, Object> input) {
            return "agent 5";
        }

        @AraTool(description = "Tool 6.")
        Map<String, Object> tool006(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 6.", skills = "tool006")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent006(Map<String, Object> input) {
            return "agent 6";
        }

        @AraTool(description = "Tool 7.")
        Map<String, Object> tool007(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 7.", skills = "tool007")
        String agent007(Map<String, Object> input) {
            return "agent 7";
        }

        @AraTool(description = "Tool 8.")
        Map<String, Object> tool008(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 8.", skills = "tool008")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent008(Map<String, Object> input) {
            return "agent 8";
        }

        @AraTool(description = "Tool 9.")
        Map<String, Object> tool009(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 9.", skills = "tool009")
        String agent009(Map<String, Object> input) {
            return "agent 9";
        }
    }

    static class Desk01 {

        @AraTool(description = "Tool 10.")
        Map<String, Object> tool010(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 10.", skills = "tool010")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent010(Map<String, Object> input) {
            return "agent 10";
        }

        @AraTool(description = "Tool 11.")
        Map<String, Object> tool011(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 11.", skills = "tool011")
        String agent011(Map<String, Object> input) {
            return "agent 11";
        }

        @AraTool(description = "Tool 12.")
        Map<String, Object> tool012(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 12.", skills = "tool012")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent012(Map<String, Object> input) {
            return "agent 12";
        }

        @AraTool(description = "Tool 13.")
        Map<String, Object> tool013(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 13.", skills = "tool013")
        String agent013(Map<String, Object> input) {
            return "agent 13";
        }

        @AraTool(description = "Tool 14.")
        Map<String, Object> tool014(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 14.", skills = "tool014")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent014(Map<String, Object> input) {
            return "agent 14";
        }

        @AraTool(description = "Tool 15.")
        Map<String, Object> tool015(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 15.", skills = "tool015")
        String agent015(Map<String, Object> input) {
            return "agent 15";
        }

        @AraTool(description = "Tool 16.")
        Map<String, Object> tool016(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 16.", skills = "tool016")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent016(Map<String, Object> input) {
            return "agent 16";
        }

        @AraTool(description = "Tool 17.")
        Map<String, Object> tool017(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 17.", skills = "tool017")
        String agent017(Map<String, Object> input) {
            return "agent 17";
        }

        @AraTool(description = "Tool 18.")
        Map<String, Object> tool018(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 18.", skills = "tool018")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent018(Map<String, Object> input) {
            return "agent 18";
        }

        @AraTool(description = "Tool 19.")
        Map<String, Object> tool019(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 19.", skills = "tool019")
        String agent019(Map<String, Object> input) {
            return "agent 19";
        }
    }

    static class Desk02 {

        @AraTool(description = "Tool 20.")
        Map<String, Object> tool020(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 20.", skills = "tool020")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent020(Map<String, Object> input) {
            return "agent 20";
        }

        @AraTool(description = "Tool 21.")
        Map<String, Object> tool021(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 21.", skills = "tool021")
        String agent021(Map<String, Object> input) {
            return "agent 21";
        }

        @AraTool(description = "Tool 22.")
        Map<String, Object> tool022(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 22.", skills = "tool022")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent022(Map<String, Object> input) {
            return "agent 22";
        }

        @AraTool(description = "Tool 23.")
        Map<String, Object> tool023(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 23.", skills = "tool023")
        String agent023(Map<String, Object> input) {
            return "agent 23";
        }

        @AraTool(description = "Tool 24.")
        Map<String, Object> tool024(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 24.", skills = "tool024")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent024(Map<String, Object> input) {
            return "agent 24";
        }

        @AraTool(description = "Tool 25.")
        Map<String, Object> tool025(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 25.", skills = "tool025")
        String agent025(Map<String, Object> input) {
            return "agent 25";
        }

        @AraTool(description = "Tool 26.")
        Map<String, Object> tool026(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 26.", skills = "tool026")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent026(Map<String, Object> input) {
            return "agent 26";
        }

        @AraTool(description = "Tool 27.")
        Map<String, Object> tool027(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 27.", skills = "tool027")
        String agent027(Map<String, Object> input) {
            return "agent 27";
        }

        @AraTool(description = "Tool 28.")
        Map<String, Object> tool028(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 28.", skills = "tool028")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent028(Map<String, Object> input) {
            return "agent 28";
        }

        @AraTool(description = "Tool 29.")
        Map<String, Object> tool029(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 29.", skills = "tool029")
        String agent029(Map<String, Object> input) {
            return "agent 29";
        }
    }

    static class Desk03 {

        @AraTool(description = "Tool 30.")
        Map<String, Object> tool030(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 30.", skills = "tool030")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent030(Map<String, Object> input) {
            return "agent 30";
        }

        @AraTool(description = "Tool 31.")
        Map<String, Object> tool031(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 31.", skills = "tool031")
        String agent031(Map<String, Object> input) {
            return "agent 31";
        }

        @AraTool(description = "Tool 32.")
        Map<String, Object> tool032(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 32.", skills = "tool032")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent032(Map<String, Object> input) {
            return "agent 32";
        }

        @AraTool(description = "Tool 33.")
        Map<String, Object> tool033(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 33.", skills = "tool033")
        String agent033(Map<String, Object> input) {
            return "agent 33";
        }

        @AraTool(description = "Tool 34.")
        Map<String, Object> tool034(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 34.", skills = "tool034")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent034(Map<String, Object> input) {
            return "agent 34";
        }

        @AraTool(description = "Tool 35.")
        Map<String, Object> tool035(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 35.", skills = "tool035")
        String agent035(Map<String, Object> input) {
            return "agent 35";
        }

        @AraTool(description = "Tool 36.")
        Map<String, Object> tool036(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 36.", skills = "tool036")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent036(Map<String, Object> input) {
            return "agent 36";
        }

        @AraTool(description = "Tool 37.")
        Map<String, Object> tool037(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 37.", skills = "tool037")
        String agent037(Map<String, Object> input) {
            return "agent 37";
        }

        @AraTool(description = "Tool 38.")
        Map<String, Object> tool038(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 38.", skills = "tool038")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent038(Map<String, Object> input) {
            return "agent 38";
        }

        @AraTool(description = "Tool 39.")
        Map<String, Object> tool039(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 39.", skills = "tool039")
        String agent039(Map<String, Object> input) {
            return "agent 39";
        }
    }

    static class Desk04 {

        @AraTool(description = "Tool 40.")
        Map<String, Object> tool040(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 40.", skills = "tool040")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent040(Map<String, Object> input) {
            return "agent 40";
        }

        @AraTool(description = "Tool 41.")
        Map<String, Object> tool041(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 41.", skills = "tool041")
        String agent041(Map<String, Object> input) {
            return "agent 41";
        }

        @AraTool(description = "Tool 42.")
        Map<String, Object> tool042(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 42.", skills = "tool042")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent042(Map<String, Object> input) {
            return "agent 42";
        }

        @AraTool(description = "Tool 43.")
        Map<String, Object> tool043(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 43.", skills = "tool043")
        String agent043(Map<String, Object> input) {
            return "agent 43";
        }

        @AraTool(description = "Tool 44.")
        Map<String, Object> tool044(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 44.", skills = "tool044")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent044(Map<String, Object> input) {
            return "agent 44";
        }

        @AraTool(description = "Tool 45.")
        Map<String, Object> tool045(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 45.", skills = "tool045")
        String agent045(Map<String, Object> input) {
            return "agent 45";
        }

        @AraTool(description = "Tool 46.")
        Map<String, Object> tool046(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 46.", skills = "tool046")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent046(Map<String, Object> input) {
            return "agent 46";
        }

        @AraTool(description = "Tool 47.")
        Map<String, Object> tool047(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 47.", skills = "tool047")
        String agent047(Map<String, Object> input) {
            return "agent 47";
        }

        @AraTool(description = "Tool 48.")
        Map<String, Object> tool048(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 48.", skills = "tool048")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent048(Map<String, Object> input) {
            return "agent 48";
        }

        @AraTool(description = "Tool 49.")
        Map<String, Object> tool049(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 49.", skills = "tool049")
        String agent049(Map<String, Object> input) {
            return "agent 49";
        }
    }

    static class Desk05 {

        @AraTool(description = "Tool 50.")
        Map<String, Object> tool050(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 50.", skills = "tool050")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent050(Map<String, Object> input) {
            return "agent 50";
        }

        @AraTool(description = "Tool 51.")
        Map<String, Object> tool051(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 51.", skills = "tool051")
        String agent051(Map<String, Object> input) {
            return "agent 51";
        }

        @AraTool(description = "Tool 52.")
        Map<String, Object> tool052(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 52.", skills = "tool052")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent052(Map<String, Object> input) {
            return "agent 52";
        }

        @AraTool(description = "Tool 53.")
        Map<String, Object> tool053(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 53.", skills = "tool053")
        String agent053(Map<String, Object> input) {
            return "agent 53";
        }

        @AraTool(description = "Tool 54.")
        Map<String, Object> tool054(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 54.", skills = "tool054")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent054(Map<String, Object> input) {
            return "agent 54";
        }

        @AraTool(description = "Tool 55.")
        Map<String, Object> tool055(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 55.", skills = "tool055")
        String agent055(Map<String, Object> input) {
            return "agent 55";
        }

        @AraTool(description = "Tool 56.")
        Map<String, Object> tool056(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 56.", skills = "tool056")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent056(Map<String, Object> input) {
            return "agent 56";
        }

        @AraTool(description = "Tool 57.")
        Map<String, Object> tool057(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 57.", skills = "tool057")
        String agent057(Map<String, Object> input) {
            return "agent 57";
        }

        @AraTool(description = "Tool 58.")
        Map<String, Object> tool058(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 58.", skills = "tool058")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent058(Map<String, Object> input) {
            return "agent 58";
        }

        @AraTool(description = "Tool 59.")
        Map<String, Object> tool059(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 59.", skills = "tool059")
        String agent059(Map<String, Object> input) {
            return "agent 59";
        }
    }

    static class Desk06 {

        @AraTool(description = "Tool 60.")
        Map<String, Object> tool060(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 60.", skills = "tool060")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent060(Map<String, Object> input) {
            return "agent 60";
        }

        @AraTool(description = "Tool 61.")
        Map<String, Object> tool061(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 61.", skills = "tool061")
        String agent061(Map<String, Object> input) {
            return "agent 61";
        }

        @AraTool(description = "Tool 62.")
        Map<String, Object> tool062(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 62.", skills = "tool062")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent062(Map<String, Object> input) {
            return "agent 62";
        }

        @AraTool(description = "Tool 63.")
        Map<String, Object> tool063(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 63.", skills = "tool063")
        String agent063(Map<String, Object> input) {
            return "agent 63";
        }

        @AraTool(description = "Tool 64.")
        Map<String, Object> tool064(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 64.", skills = "tool064")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent064(Map<String, Object> input) {
            return "agent 64";
        }

        @AraTool(description = "Tool 65.")
        Map<String, Object> tool065(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 65.", skills = "tool065")
        String agent065(Map<String, Object> input) {
            return "agent 65";
        }

        @AraTool(description = "Tool 66.")
        Map<String, Object> tool066(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 66.", skills = "tool066")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent066(Map<String, Object> input) {
            return "agent 66";
        }

        @AraTool(description = "Tool 67.")
        Map<String, Object> tool067(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 67.", skills = "tool067")
        String agent067(Map<String, Object> input) {
            return "agent 67";
        }

        @AraTool(description = "Tool 68.")
        Map<String, Object> tool068(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 68.", skills = "tool068")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent068(Map<String, Object> input) {
            return "agent 68";
        }

        @AraTool(description = "Tool 69.")
        Map<String, Object> tool069(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 69.", skills = "tool069")
        String agent069(Map<String, Object> input) {
            return "agent 69";
        }
    }

    static class Desk07 {

        @AraTool(description = "Tool 70.")
        Map<String, Object> tool070(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 70.", skills = "tool070")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent070(Map<String, Object> input) {
            return "agent 70";
        }

        @AraTool(description = "Tool 71.")
        Map<String, Object> tool071(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 71.", skills = "tool071")
        String agent071(Map<String, Object> input) {
            return "agent 71";
        }

        @AraTool(description = "Tool 72.")
        Map<String, Object> tool072(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 72.", skills = "tool072")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent072(Map<String, Object> input) {
            return "agent 72";
        }

        @AraTool(description = "Tool 73.")
        Map<String, Object> tool073(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 73.", skills = "tool073")
        String agent073(Map<String, Object> input) {
            return "agent 73";
        }

        @AraTool(description = "Tool 74.")
        Map<String, Object> tool074(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 74.", skills = "tool074")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent074(Map<String, Object> input) {
            return "agent 74";
        }

        @AraTool(description = "Tool 75.")
        Map<String, Object> tool075(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 75.", skills = "tool075")
        String agent075(Map<String, Object> input) {
            return "agent 75";
        }

        @AraTool(description = "Tool 76.")
        Map<String, Object> tool076(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 76.", skills = "tool076")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent076(Map<String, Object> input) {
            return "agent 76";
        }

        @AraTool(description = "Tool 77.")
        Map<String, Object> tool077(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 77.", skills = "tool077")
        String agent077(Map<String, Object> input) {
            return "agent 77";
        }

        @AraTool(description = "Tool 78.")
        Map<String, Object> tool078(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 78.", skills = "tool078")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent078(Map<String, Object> input) {
            return "agent 78";
        }

        @AraTool(description = "Tool 79.")
        Map<String, Object> tool079(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 79.", skills = "tool079")
        String agent079(Map<String, Object> input) {
            return "agent 79";
        }
    }

    static class Desk08 {

        @AraTool(description = "Tool 80.")
        Map<String, Object> tool080(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 80.", skills = "tool080")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent080(Map<String, Object> input) {
            return "agent 80";
        }

        @AraTool(description = "Tool 81.")
        Map<String, Object> tool081(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 81.", skills = "tool081")
        String agent081(Map<String, Object> input) {
            return "agent 81";
        }

        @AraTool(description = "Tool 82.")
        Map<String, Object> tool082(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 82.", skills = "tool082")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent082(Map<String, Object> input) {
            return "agent 82";
        }

        @AraTool(description = "Tool 83.")
        Map<String, Object> tool083(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 83.", skills = "tool083")
        String agent083(Map<String, Object> input) {
            return "agent 83";
        }

        @AraTool(description = "Tool 84.")
        Map<String, Object> tool084(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 84.", skills = "tool084")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent084(Map<String, Object> input) {
            return "agent 84";
        }

        @AraTool(description = "Tool 85.")
        Map<String, Object> tool085(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 85.", skills = "tool085")
        String agent085(Map<String, Object> input) {
            return "agent 85";
        }

        @AraTool(description = "Tool 86.")
        Map<String, Object> tool086(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 86.", skills = "tool086")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent086(Map<String, Object> input) {
            return "agent 86";
        }

        @AraTool(description = "Tool 87.")
        Map<String, Object> tool087(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 87.", skills = "tool087")
        String agent087(Map<String, Object> input) {
            return "agent 87";
        }

        @AraTool(description = "Tool 88.")
        Map<String, Object> tool088(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 88.", skills = "tool088")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent088(Map<String, Object> input) {
            return "agent 88";
        }

        @AraTool(description = "Tool 89.")
        Map<String, Object> tool089(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 89.", skills = "tool089")
        String agent089(Map<String, Object> input) {
            return "agent 89";
        }
    }

    static class Desk09 {

        @AraTool(description = "Tool 90.")
        Map<String, Object> tool090(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 90.", skills = "tool090")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent090(Map<String, Object> input) {
            return "agent 90";
        }

        @AraTool(description = "Tool 91.")
        Map<String, Object> tool091(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 91.", skills = "tool091")
        String agent091(Map<String, Object> input) {
            return "agent 91";
        }

        @AraTool(description = "Tool 92.")
        Map<String, Object> tool092(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 92.", skills = "tool092")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent092(Map<String, Object> input) {
            return "agent 92";
        }

        @AraTool(description = "Tool 93.")
        Map<String, Object> tool093(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 93.", skills = "tool093")
        String agent093(Map<String, Object> input) {
            return "agent 93";
        }

        @AraTool(description = "Tool 94.")
        Map<String, Object> tool094(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 94.", skills = "tool094")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent094(Map<String, Object> input) {
            return "agent 94";
        }

        @AraTool(description = "Tool 95.")
        Map<String, Object> tool095(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 95.", skills = "tool095")
        String agent095(Map<String, Object> input) {
            return "agent 95";
        }

        @AraTool(description = "Tool 96.")
        Map<String, Object> tool096(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 96.", skills = "tool096")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent096(Map<String, Object> input) {
            return "agent 96";
        }

        @AraTool(description = "Tool 97.")
        Map<String, Object> tool097(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 97.", skills = "tool097")
        String agent097(Map<String, Object> input) {
            return "agent 97";
        }

        @AraTool(description = "Tool 98.")
        Map<String, Object> tool098(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 98.", skills = "tool098")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent098(Map<String, Object> input) {
            return "agent 98";
        }

        @AraTool(description = "Tool 99.")
        Map<String, Object> tool099(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 99.", skills = "tool099")
        String agent099(Map<String, Object> input) {
            return "agent 99";
        }
    }

    static class Desk10 {

        @AraTool(description = "Tool 100.")
        Map<String, Object> tool100(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 100.", skills = "tool100")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent100(Map<String, Object> input) {
            return "agent 100";
        }

        @AraTool(description = "Tool 101.")
        Map<String, Object> tool101(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 101.", skills = "tool101")
        String agent101(Map<String, Object> input) {
            return "agent 101";
        }

        @AraTool(description = "Tool 102.")
        Map<String, Object> tool102(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 102.", skills = "tool102")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent102(Map<String, Object> input) {
            return "agent 102";
        }

        @AraTool(description = "Tool 103.")
        Map<String, Object> tool103(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 103.", skills = "tool103")
        String agent103(Map<String, Object> input) {
            return "agent 103";
        }

        @AraTool(description = "Tool 104.")
        Map<String, Object> tool104(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 104.", skills = "tool104")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent104(Map<String, Object> input) {
            return "agent 104";
        }

        @AraTool(description = "Tool 105.")
        Map<String, Object> tool105(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 105.", skills = "tool105")
        String agent105(Map<String, Object> input) {
            return "agent 105";
        }

        @AraTool(description = "Tool 106.")
        Map<String, Object> tool106(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 106.", skills = "tool106")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent106(Map<String, Object> input) {
            return "agent 106";
        }

        @AraTool(description = "Tool 107.")
        Map<String, Object> tool107(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 107.", skills = "tool107")
        String agent107(Map<String, Object> input) {
            return "agent 107";
        }

        @AraTool(description = "Tool 108.")
        Map<String, Object> tool108(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 108.", skills = "tool108")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent108(Map<String, Object> input) {
            return "agent 108";
        }

        @AraTool(description = "Tool 109.")
        Map<String, Object> tool109(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 109.", skills = "tool109")
        String agent109(Map<String, Object> input) {
            return "agent 109";
        }
    }

    static class Desk11 {

        @AraTool(description = "Tool 110.")
        Map<String, Object> tool110(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 110.", skills = "tool110")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent110(Map<String, Object> input) {
            return "agent 110";
        }

        @AraTool(description = "Tool 111.")
        Map<String, Object> tool111(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 111.", skills = "tool111")
        String agent111(Map<String, Object> input) {
            return "agent 111";
        }

        @AraTool(description = "Tool 112.")
        Map<String, Object> tool112(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 112.", skills = "tool112")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent112(Map<String, Object> input) {
            return "agent 112";
        }

        @AraTool(description = "Tool 113.")
        Map<String, Object> tool113(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 113.", skills = "tool113")
        String agent113(Map<String, Object> input) {
            return "agent 113";
        }

        @AraTool(description = "Tool 114.")
        Map<String, Object> tool114(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 114.", skills = "tool114")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent114(Map<String, Object> input) {
            return "agent 114";
        }

        @AraTool(description = "Tool 115.")
        Map<String, Object> tool115(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 115.", skills = "tool115")
        String agent115(Map<String, Object> input) {
            return "agent 115";
        }

        @AraTool(description = "Tool 116.")
        Map<String, Object> tool116(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 116.", skills = "tool116")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent116(Map<String, Object> input) {
            return "agent 116";
        }

        @AraTool(description = "Tool 117.")
        Map<String, Object> tool117(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 117.", skills = "tool117")
        String agent117(Map<String, Object> input) {
            return "agent 117";
        }

        @AraTool(description = "Tool 118.")
        Map<String, Object> tool118(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 118.", skills = "tool118")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent118(Map<String, Object> input) {
            return "agent 118";
        }

        @AraTool(description = "Tool 119.")
        Map<String, Object> tool119(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 119.", skills = "tool119")
        String agent119(Map<String, Object> input) {
            return "agent 119";
        }
    }

    static class Desk12 {

        @AraTool(description = "Tool 120.")
        Map<String, Object> tool120(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 120.", skills = "tool120")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent120(Map<String, Object> input) {
            return "agent 120";
        }

        @AraTool(description = "Tool 121.")
        Map<String, Object> tool121(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 121.", skills = "tool121")
        String agent121(Map<String, Object> input) {
            return "agent 121";
        }

        @AraTool(description = "Tool 122.")
        Map<String, Object> tool122(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 122.", skills = "tool122")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent122(Map<String, Object> input) {
            return "agent 122";
        }

        @AraTool(description = "Tool 123.")
        Map<String, Object> tool123(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 123.", skills = "tool123")
        String agent123(Map<String, Object> input) {
            return "agent 123";
        }

        @AraTool(description = "Tool 124.")
        Map<String, Object> tool124(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 124.", skills = "tool124")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent124(Map<String, Object> input) {
            return "agent 124";
        }

        @AraTool(description = "Tool 125.")
        Map<String, Object> tool125(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 125.", skills = "tool125")
        String agent125(Map<String, Object> input) {
            return "agent 125";
        }

        @AraTool(description = "Tool 126.")
        Map<String, Object> tool126(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 126.", skills = "tool126")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent126(Map<String, Object> input) {
            return "agent 126";
        }

        @AraTool(description = "Tool 127.")
        Map<String, Object> tool127(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 127.", skills = "tool127")
        String agent127(Map<String, Object> input) {
            return "agent 127";
        }

        @AraTool(description = "Tool 128.")
        Map<String, Object> tool128(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 128.", skills = "tool128")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent128(Map<String, Object> input) {
            return "agent 128";
        }

        @AraTool(description = "Tool 129.")
        Map<String, Object> tool129(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 129.", skills = "tool129")
        String agent129(Map<String, Object> input) {
            return "agent 129";
        }
    }

    static class Desk13 {

        @AraTool(description = "Tool 130.")
        Map<String, Object> tool130(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 130.", skills = "tool130")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent130(Map<String, Object> input) {
            return "agent 130";
        }

        @AraTool(description = "Tool 131.")
        Map<String, Object> tool131(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 131.", skills = "tool131")
        String agent131(Map<String, Object> input) {
            return "agent 131";
        }

        @AraTool(description = "Tool 132.")
        Map<String, Object> tool132(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 132.", skills = "tool132")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent132(Map<String, Object> input) {
            return "agent 132";
        }

        @AraTool(description = "Tool 133.")
        Map<String, Object> tool133(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 133.", skills = "tool133")
        String agent133(Map<String, Object> input) {
            return "agent 133";
        }

        @AraTool(description = "Tool 134.")
        Map<String, Object> tool134(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 134.", skills = "tool134")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent134(Map<String, Object> input) {
            return "agent 134";
        }

        @AraTool(description = "Tool 135.")
        Map<String, Object> tool135(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 135.", skills = "tool135")
        String agent135(Map<String, Object> input) {
            return "agent 135";
        }

        @AraTool(description = "Tool 136.")
        Map<String, Object> tool136(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 136.", skills = "tool136")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent136(Map<String, Object> input) {
            return "agent 136";
        }

        @AraTool(description = "Tool 137.")
        Map<String, Object> tool137(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 137.", skills = "tool137")
        String agent137(Map<String, Object> input) {
            return "agent 137";
        }

        @AraTool(description = "Tool 138.")
        Map<String, Object> tool138(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 138.", skills = "tool138")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent138(Map<String, Object> input) {
            return "agent 138";
        }

        @AraTool(description = "Tool 139.")
        Map<String, Object> tool139(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 139.", skills = "tool139")
        String agent139(Map<String, Object> input) {
            return "agent 139";
        }
    }

    static class Desk14 {

        @AraTool(description = "Tool 140.")
        Map<String, Object> tool140(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 140.", skills = "tool140")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent140(Map<String, Object> input) {
            return "agent 140";
        }

        @AraTool(description = "Tool 141.")
        Map<String, Object> tool141(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 141.", skills = "tool141")
        String agent141(Map<String, Object> input) {
            return "agent 141";
        }

        @AraTool(description = "Tool 142.")
        Map<String, Object> tool142(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 142.", skills = "tool142")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent142(Map<String, Object> input) {
            return "agent 142";
        }

        @AraTool(description = "Tool 143.")
        Map<String, Object> tool143(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 143.", skills = "tool143")
        String agent143(Map<String, Object> input) {
            return "agent 143";
        }

        @AraTool(description = "Tool 144.")
        Map<String, Object> tool144(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 144.", skills = "tool144")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent144(Map<String, Object> input) {
            return "agent 144";
        }

        @AraTool(description = "Tool 145.")
        Map<String, Object> tool145(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 145.", skills = "tool145")
        String agent145(Map<String, Object> input) {
            return "agent 145";
        }

        @AraTool(description = "Tool 146.")
        Map<String, Object> tool146(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 146.", skills = "tool146")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent146(Map<String, Object> input) {
            return "agent 146";
        }

        @AraTool(description = "Tool 147.")
        Map<String, Object> tool147(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 147.", skills = "tool147")
        String agent147(Map<String, Object> input) {
            return "agent 147";
        }

        @AraTool(description = "Tool 148.")
        Map<String, Object> tool148(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 148.", skills = "tool148")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent148(Map<String, Object> input) {
            return "agent 148";
        }

        @AraTool(description = "Tool 149.")
        Map<String, Object> tool149(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 149.", skills = "tool149")
        String agent149(Map<String, Object> input) {
            return "agent 149";
        }
    }

    static class Desk15 {

        @AraTool(description = "Tool 150.")
        Map<String, Object> tool150(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 150.", skills = "tool150")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent150(Map<String, Object> input) {
            return "agent 150";
        }

        @AraTool(description = "Tool 151.")
        Map<String, Object> tool151(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 151.", skills = "tool151")
        String agent151(Map<String, Object> input) {
            return "agent 151";
        }

        @AraTool(description = "Tool 152.")
        Map<String, Object> tool152(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 152.", skills = "tool152")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent152(Map<String, Object> input) {
            return "agent 152";
        }

        @AraTool(description = "Tool 153.")
        Map<String, Object> tool153(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 153.", skills = "tool153")
        String agent153(Map<String, Object> input) {
            return "agent 153";
        }

        @AraTool(description = "Tool 154.")
        Map<String, Object> tool154(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 154.", skills = "tool154")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent154(Map<String, Object> input) {
            return "agent 154";
        }

        @AraTool(description = "Tool 155.")
        Map<String, Object> tool155(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 155.", skills = "tool155")
        String agent155(Map<String, Object> input) {
            return "agent 155";
        }

        @AraTool(description = "Tool 156.")
        Map<String, Object> tool156(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 156.", skills = "tool156")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent156(Map<String, Object> input) {
            return "agent 156";
        }

        @AraTool(description = "Tool 157.")
        Map<String, Object> tool157(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 157.", skills = "tool157")
        String agent157(Map<String, Object> input) {
            return "agent 157";
        }

        @AraTool(description = "Tool 158.")
        Map<String, Object> tool158(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 158.", skills = "tool158")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent158(Map<String, Object> input) {
            return "agent 158";
        }

        @AraTool(description = "Tool 159.")
        Map<String, Object> tool159(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 159.", skills = "tool159")
        String agent159(Map<String, Object> input) {
            return "agent 159";
        }
    }

    static class Desk16 {

        @AraTool(description = "Tool 160.")
        Map<String, Object> tool160(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 160.", skills = "tool160")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent160(Map<String, Object> input) {
            return "agent 160";
        }

        @AraTool(description = "Tool 161.")
        Map<String, Object> tool161(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 161.", skills = "tool161")
        String agent161(Map<String, Object> input) {
            return "agent 161";
        }

        @AraTool(description = "Tool 162.")
        Map<String, Object> tool162(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 162.", skills = "tool162")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent162(Map<String, Object> input) {
            return "agent 162";
        }

        @AraTool(description = "Tool 163.")
        Map<String, Object> tool163(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 163.", skills = "tool163")
        String agent163(Map<String, Object> input) {
            return "agent 163";
        }

        @AraTool(description = "Tool 164.")
        Map<String, Object> tool164(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 164.", skills = "tool164")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent164(Map<String, Object> input) {
            return "agent 164";
        }

        @AraTool(description = "Tool 165.")
        Map<String, Object> tool165(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 165.", skills = "tool165")
        String agent165(Map<String, Object> input) {
            return "agent 165";
        }

        @AraTool(description = "Tool 166.")
        Map<String, Object> tool166(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 166.", skills = "tool166")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent166(Map<String, Object> input) {
            return "agent 166";
        }

        @AraTool(description = "Tool 167.")
        Map<String, Object> tool167(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 167.", skills = "tool167")
        String agent167(Map<String, Object> input) {
            return "agent 167";
        }

        @AraTool(description = "Tool 168.")
        Map<String, Object> tool168(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 168.", skills = "tool168")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent168(Map<String, Object> input) {
            return "agent 168";
        }

        @AraTool(description = "Tool 169.")
        Map<String, Object> tool169(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 169.", skills = "tool169")
        String agent169(Map<String, Object> input) {
            return "agent 169";
        }
    }

    static class Desk17 {

        @AraTool(description = "Tool 170.")
        Map<String, Object> tool170(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 170.", skills = "tool170")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent170(Map<String, Object> input) {
            return "agent 170";
        }

        @AraTool(description = "Tool 171.")
        Map<String, Object> tool171(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 171.", skills = "tool171")
        String agent171(Map<String, Object> input) {
            return "agent 171";
        }

        @AraTool(description = "Tool 172.")
        Map<String, Object> tool172(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 172.", skills = "tool172")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent172(Map<String, Object> input) {
            return "agent 172";
        }

        @AraTool(description = "Tool 173.")
        Map<String, Object> tool173(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 173.", skills = "tool173")
        String agent173(Map<String, Object> input) {
            return "agent 173";
        }

        @AraTool(description = "Tool 174.")
        Map<String, Object> tool174(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 174.", skills = "tool174")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent174(Map<String, Object> input) {
            return "agent 174";
        }

        @AraTool(description = "Tool 175.")
        Map<String, Object> tool175(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 175.", skills = "tool175")
        String agent175(Map<String, Object> input) {
            return "agent 175";
        }

        @AraTool(description = "Tool 176.")
        Map<String, Object> tool176(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 176.", skills = "tool176")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent176(Map<String, Object> input) {
            return "agent 176";
        }

        @AraTool(description = "Tool 177.")
        Map<String, Object> tool177(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 177.", skills = "tool177")
        String agent177(Map<String, Object> input) {
            return "agent 177";
        }

        @AraTool(description = "Tool 178.")
        Map<String, Object> tool178(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 178.", skills = "tool178")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent178(Map<String, Object> input) {
            return "agent 178";
        }

        @AraTool(description = "Tool 179.")
        Map<String, Object> tool179(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 179.", skills = "tool179")
        String agent179(Map<String, Object> input) {
            return "agent 179";
        }
    }

    static class Desk18 {

        @AraTool(description = "Tool 180.")
        Map<String, Object> tool180(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 180.", skills = "tool180")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent180(Map<String, Object> input) {
            return "agent 180";
        }

        @AraTool(description = "Tool 181.")
        Map<String, Object> tool181(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 181.", skills = "tool181")
        String agent181(Map<String, Object> input) {
            return "agent 181";
        }

        @AraTool(description = "Tool 182.")
        Map<String, Object> tool182(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 182.", skills = "tool182")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent182(Map<String, Object> input) {
            return "agent 182";
        }

        @AraTool(description = "Tool 183.")
        Map<String, Object> tool183(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 183.", skills = "tool183")
        String agent183(Map<String, Object> input) {
            return "agent 183";
        }

        @AraTool(description = "Tool 184.")
        Map<String, Object> tool184(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 184.", skills = "tool184")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent184(Map<String, Object> input) {
            return "agent 184";
        }

        @AraTool(description = "Tool 185.")
        Map<String, Object> tool185(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 185.", skills = "tool185")
        String agent185(Map<String, Object> input) {
            return "agent 185";
        }

        @AraTool(description = "Tool 186.")
        Map<String, Object> tool186(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 186.", skills = "tool186")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent186(Map<String, Object> input) {
            return "agent 186";
        }

        @AraTool(description = "Tool 187.")
        Map<String, Object> tool187(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 187.", skills = "tool187")
        String agent187(Map<String, Object> input) {
            return "agent 187";
        }

        @AraTool(description = "Tool 188.")
        Map<String, Object> tool188(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 188.", skills = "tool188")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent188(Map<String, Object> input) {
            return "agent 188";
        }

        @AraTool(description = "Tool 189.")
        Map<String, Object> tool189(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 189.", skills = "tool189")
        String agent189(Map<String, Object> input) {
            return "agent 189";
        }
    }

    static class Desk19 {

        @AraTool(description = "Tool 190.")
        Map<String, Object> tool190(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 190.", skills = "tool190")
        @AraSchedule(cron = "0 9 * * 1-5")
        String agent190(Map<String, Object> input) {
            return "agent 190";
        }

        @AraTool(description = "Tool 191.")
        Map<String, Object> tool191(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 191.", skills = "tool191")
        String agent191(Map<String, Object> input) {
            return "agent 191";
        }

        @AraTool(description = "Tool 192.")
        Map<String, Object> tool192(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 192.", skills = "tool192")
        @AraSchedule(cron = "2 9 * * 1-5")
        String agent192(Map<String, Object> input) {
            return "agent 192";
        }

        @AraTool(description = "Tool 193.")
        Map<String, Object> tool193(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 193.", skills = "tool193")
        String agent193(Map<String, Object> input) {
            return "agent 193";
        }

        @AraTool(description = "Tool 194.")
        Map<String, Object> tool194(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 194.", skills = "tool194")
        @AraSchedule(cron = "4 9 * * 1-5")
        String agent194(Map<String, Object> input) {
            return "agent 194";
        }

        @AraTool(description = "Tool 195.")
        Map<String, Object> tool195(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 195.", skills = "tool195")
        String agent195(Map<String, Object> input) {
            return "agent 195";
        }

        @AraTool(description = "Tool 196.")
        Map<String, Object> tool196(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 196.", skills = "tool196")
        @AraSchedule(cron = "6 9 * * 1-5")
        String agent196(Map<String, Object> input) {
            return "agent 196";
        }

        @AraTool(description = "Tool 197.")
        Map<String, Object> tool197(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 197.", skills = "tool197")
        String agent197(Map<String, Object> input) {
            return "agent 197";
        }

        @AraTool(description = "Tool 198.")
        Map<String, Object> tool198(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 198.", skills = "tool198")
        @AraSchedule(cron = "8 9 * * 1-5")
        String agent198(Map<String, Object> input) {
            return "agent 198";
        }

        @AraTool(description = "Tool 199.")
        Map<String, Object> tool199(String query, @AraParam(defaultValue = "10") int limit, Filter filter) {
            return Map.of();
        }

        @AraAgent(instructions = "Agent 199.", skills = "tool199")
        String agent199(Map<String, Object> input) {
            return "agent 199";
        }
    }

}
