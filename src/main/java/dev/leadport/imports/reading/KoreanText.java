package dev.leadport.imports.reading;

import java.nio.charset.Charset;
import java.util.List;

/**
 * EUC-KR and EUC-JP share their byte ranges, and on a short list of Japanese names ICU's detector can score EUC-KR
 * higher. Read as EUC-KR, such bytes become rare Hangul syllables ("튁", "쩜", "묩"), while Korean text is mostly made of
 * a few hundred common ones; so a Korean reading made mostly of rare syllables gives way to Japanese, unsure.
 */
final class KoreanText {

    /** The most frequent Hangul syllables of Korean text (names, companies, titles, addresses). */
    private static final String COMMON = "가각간갈감갑강개거건걸검게겠결경계고공과관광교구국군권귀규그극근글금기긴길김까나난날남내냐너널네년노농누는니다단달담당대더덕데도독동"
            + "두드들등디라란람랑래러런레려력련렬령로록론료루류르른를름리린림립마만많말망매머면명모목무문물미민밀바박반발방배백버번벌범법변별병보복본부북분불비빈사산살삼상"
            + "새생서석선설섬성세소속손송수숙순술스습승시식신실심아악안알암압앙애야약양어억언얼엄업에여역연열염영예오옥온완왕외요용우운울웅원월위유육윤은을음응의이익인일임"
            + "입있자작장재저적전절점정제조족존종좌주죽준중즈증지직진질집차착찬창채처천철청체초총최추축춘출충취치친칠카타탁탄태택터토통트특파판팔패편평포표품프피필하학한할"
            + "함합항해행향허헌혁현형혜호홍화환활황회효후훈휘흥희히";

    private static final Charset EUC_KR = Charset.forName("EUC-KR");
    private static final Charset EUC_JP = Charset.forName("EUC-JP");

    private KoreanText() {}

    static void preferJapaneseOverImplausibleKorean(List<EncodingDetector.Candidate> candidates, byte[] sample) {
        if (candidates.isEmpty() || !candidates.get(0).charset().equals(EUC_KR)) {
            return;
        }
        if (!EncodingDetector.decodes(EUC_JP, sample) || commonShare(new String(sample, EUC_KR)) >= 0.5) {
            return;
        }
        EncodingDetector.Candidate korean = candidates.get(0);
        candidates.removeIf(c -> c.charset().equals(EUC_JP));
        candidates.add(
                0, new EncodingDetector.Candidate(EUC_JP, Math.min(korean.confidence(), EncodingDetector.SURE - 1)));
    }

    private static double commonShare(String text) {
        long syllables = 0;
        long common = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xAC00 && c <= 0xD7A3) {
                syllables++;
                if (COMMON.indexOf(c) >= 0) {
                    common++;
                }
            }
        }
        return syllables == 0 ? 1 : (double) common / syllables;
    }
}
