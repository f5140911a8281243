package org.reflectlab.ui.train;

import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notice;

/** The Train workspace's "What to notice", in the current language (the panel is built again on a language switch). */
final class TrainNotice {

    private TrainNotice() {
    }

    private static String orDash(double v, int decimals) {
        return Double.isFinite(v) ? I18n.number(v, decimals) : "–";
    }

    static Notice of(TrainViewModel vm) {
        TrainTiles t = vm.monitor().tiles();
        return new Notice(I18n.tr("train.notice.claim"), I18n.tr("train.notice.paper"),
                // one sentence with every value (a dash where there is none yet), not pieces joined in English word order
                I18n.text(() -> vm.monitor().stepProperty().get() == 0 ? "" : I18n.tr("train.notice.measured",
                        vm.monitor().stepProperty().get(), vm.monitor().totalStepsProperty().get(), orDash(t.currentLossProperty().get(), 3),
                        orDash(t.bestCaptionAccuracyProperty().get(), 3), orDash(t.latestPsnrProperty().get(), 1)),
                        vm.monitor().stepProperty(), vm.monitor().totalStepsProperty(), t.currentLossProperty(), t.bestCaptionAccuracyProperty(),
                        t.latestPsnrProperty()),
                I18n.tr("train.notice.look-for"), null,
                "\\mathcal{L} = \\lambda_{r}\\lVert x-\\hat x\\rVert^2 + \\lambda_{g}\\lVert x - g(t)\\rVert^2 "
                        + "+ \\lambda_{c}\\,\\mathrm{CE}(t, \\hat t) + \\lambda_{a}\\,\\mathcal{L}_{\\text{align}}",
                java.util.List.of("contrastive alignment", "PSNR", "R@1"));
    }
}
