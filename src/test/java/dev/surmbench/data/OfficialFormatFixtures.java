package dev.surmbench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small hand-written fixtures in the official GLUE column formats for the four tasks whose real
 * files are not in the shared copy (MNLI, QNLI, QQP, WNLI). Generated into a temporary folder at
 * test time, so no GLUE-shaped TSV is tracked in git; the real files are only read from GLUE_DIR.
 */
public final class OfficialFormatFixtures {
    private static Path folder;

    private OfficialFormatFixtures() {}

    /** The fixture files by relative path ({@code TASK/split.tsv}), byte for byte. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("MNLI/dev_matched.tsv",
                "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\tlabel1\tlabel2\tlabel3\tlabel4\tlabel5\tgold_label\n"
                + "0\t31193\t31193n\tgovernment\t( ( x ) )\t( ( y ) )\t(ROOT (S x))\t(ROOT (S y))\tThe new rights are nice enough\tEveryone really likes the newest benefits \tneutral\tentailment\tneutral\tneutral\tneutral\tneutral\n"
                + "1\t31193\t31193n\tgovernment\t( ( x ) )\t( ( y ) )\t(ROOT (S x))\t(ROOT (S y))\tThis site includes a list of all award winners and a searchable database of Government Executive articles.\tThe Government Executive articles housed on the website are not able to be searched.\tcontradiction\tcontradiction\tcontradiction\tcontradiction\tcontradiction\tcontradiction\n"
                + "2\t31193\t31193n\tgovernment\t( ( x ) )\t( ( y ) )\t(ROOT (S x))\t(ROOT (S y))\tuh i don't know i i have mixed emotions about him uh sometimes i like him but at the same times i love to see somebody beat him\tI like him for the most part, but would still enjoy seeing someone beat him.\tentailment\tentailment\tentailment\tentailment\tentailment\tentailment\n");
        files.put("MNLI/dev_mismatched.tsv",
                "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\tlabel1\tlabel2\tlabel3\tlabel4\tlabel5\tgold_label\n"
                + "0\t31193\t31193n\tgovernment\t( ( x ) )\t( ( y ) )\t(ROOT (S x))\t(ROOT (S y))\tYour contribution helped make it possible for us to provide our students with a quality education.\tYour contributions were of no help with our students' education.\tcontradiction\tcontradiction\tcontradiction\tcontradiction\tcontradiction\tcontradiction\n"
                + "1\t31193\t31193n\tgovernment\t( ( x ) )\t( ( y ) )\t(ROOT (S x))\t(ROOT (S y))\tThe answer has nothing to do with their cause, however, but with the simple fact that dictionaries are not exercises in bi-unique substitutability; in other words, if one of the senses of run is `operate' (as in She runs an engine factory ), that does not make it valid to assume that one can substitute operate for run in We run in the marathon every year . Although recognizing this as a shortcoming of dictionaries and assigning it arbitrarily to what, for lack of a better term, we might call the genius of the language, might seem trivial to the casual observer, it is a valid matter for concern in the realm of lexicology.\tDictionaries are indeed exercises in bi-unique substitutability.\tcontradiction\tcontradiction\tcontradiction\tcontradiction\tcontradiction\tcontradiction\n"
                + "2\t31193\t31193n\tgovernment\t( ( x ) )\t( ( y ) )\t(ROOT (S x))\t(ROOT (S y))\tWe serve a classic Tuscan meal that includes  a Florentine terrine made with dick and chicken livers.\tWe serve a meal of Florentine terrine.\tentailment\tentailment\tentailment\tentailment\tentailment\tentailment");
        files.put("MNLI/train.tsv",
                "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\tlabel1\tgold_label\n"
                + "0\t31193\t31193n\tgovernment\t( ( x ) )\t( ( y ) )\t(ROOT (S x))\t(ROOT (S y))\tConceptually cream skimming has two basic dimensions - product and geography.\tProduct and geography are what make cream skimming work. \tneutral\tneutral\n"
                + "1\t31193\t31193n\tgovernment\t( ( x ) )\t( ( y ) )\t(ROOT (S x))\t(ROOT (S y))\tyou know during the season and i guess at at your level uh you lose them to the next level\tYou lose the things to the following level if the people recall.\tentailment\tentailment\n"
                + "2\t31193\t31193n\tgovernment\t( ( x ) )\t( ( y ) )\t(ROOT (S x))\t(ROOT (S y))\tOne of our number will carry out your instructions minutely.\tA member of my team will execute your orders with immense precision.\tentailment\tentailment\n"
                + "3\t31193\t31193n\tgovernment\t( ( x ) )\t( ( y ) )\t(ROOT (S x))\t(ROOT (S y))\tHe said \"no\" twice.\tHe agreed at once.\tcontradiction\tcontradiction\n");
        files.put("QNLI/dev.tsv",
                "index\tquestion\tsentence\tlabel\n"
                + "0\tWhat came into force after the new constitution was herald?\tAs of that day, the new constitution heralding the Second Republic came into force.\tentailment\n"
                + "1\tWhat is the first major city in the stream of the Rhine?\tThe most important tributaries in this area are the Ill below of Strasbourg, the Neckar in Mannheim and the Main across from Mainz.\tnot_entailment\n");
        files.put("QNLI/train.tsv",
                "index\tquestion\tsentence\tlabel\n"
                + "0\tWhen did the third Digimon series begin?\tUnlike the two seasons before it and most of the seasons that followed, Digimon Tamers takes a darker and more realistic approach to its story featuring Digimon who do not reincarnate after their deaths and more complex character development in the original Japanese.\tnot_entailment\n"
                + "1\tWhich missile batteries often have individual launchers several kilometres from one another?\tWhen MANPADS is operated by specialists, batteries may have several dozen teams deploying separately in small sections; self-propelled air defence guns may deploy in pairs.\tnot_entailment\n"
                + "2\tWhat two things does Popper argue Tarski's theory involves in an evaluation of truth?\tHe bases this interpretation on the fact that examples such as the one described above refer to two things: assertions and the facts to which they refer.\tentailment\n");
        files.put("QQP/dev.tsv",
                "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate\n"
                + "201359\t303345\t303346\tWhy are African-Americans so beautiful?\tWhy are hispanics so beautiful?\t0\n"
                + "263843\t69383\t380476\tI want to pursue PhD in Computer Science about social network,what is the open problem in social networks?\tI handle social media for a non-profit. Should I start going to social media networking events? Are there any good ones in the bay area?\t0\n"
                + "172974\t266948\t175089\tIs there a reason why we should travel alone?\tWhat are some reasons to travel alone?\t1\n");
        files.put("QQP/train.tsv",
                "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate\n"
                + "133273\t213221\t213222\tHow is the life of a math student? Could you describe your own experiences?\tWhich level of prepration is enough for the exam jlpt5?\t0\n"
                + "402555\t536040\t536041\tHow do I control my horny emotions?\tHow do you control your horniness?\t1\n"
                + "360472\t364011\t490273\tWhat causes stool color to change to yellow?\tWhat can cause stool to come out as little balls?\t0\n"
                + "150662\t155721\t7256\tWhat can one do after MBBS?\tWhat do i do after my MBBS ?\t1\n");
        files.put("WNLI/dev.tsv",
                "index\tsentence1\tsentence2\tlabel\n"
                + "0\tThe drain is clogged with hair. It has to be cleaned.\tThe hair has to be cleaned.\t0\n"
                + "1\tJane knocked on Susan's door but she did not answer.\tSusan did not answer.\t1\n");
        files.put("WNLI/train.tsv",
                "index\tsentence1\tsentence2\tlabel\n"
                + "0\tI stuck a pin through a carrot. When I pulled the pin out, it had a hole.\tThe carrot had a hole.\t1\n"
                + "1\tJohn couldn't see the stage with Billy in front of him because he is so short.\tJohn is so short.\t1\n"
                + "2\tThe police arrested all of the gang members. They were trying to stop the drug trade in the neighborhood.\tThe police were trying to stop the drug trade in the neighborhood.\t1\n"
                + "3\tSteve follows Fred's example in everything. He influences him hugely.\tSteve influences him hugely.\t0\n");
        return files;
    }

    /** A folder holding every fixture file, written once per test JVM. */
    public static synchronized Path folder() {
        if (folder == null) {
            try {
                Path dir = Files.createTempDirectory("glue-official-format");
                for (Map.Entry<String, String> e : files().entrySet()) {
                    Path file = dir.resolve(e.getKey());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                }
                folder = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }
}
