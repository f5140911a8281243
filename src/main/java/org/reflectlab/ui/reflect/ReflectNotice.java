package org.reflectlab.ui.reflect;

import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notice;

/** The Reflect workspace's "What to notice", in the current language (the panel is built again on a language switch). */
final class ReflectNotice {

    private ReflectNotice() {
    }

    static Notice of(ReflectViewModel vm) {
        return new Notice(I18n.tr("reflect.notice.claim"), I18n.tr("reflect.notice.paper"),
                I18n.text(() -> {
                    var run = vm.lastRunProperty().get();
                    if (run == null) {
                        return vm.steps().iterations().isEmpty() ? "" : I18n.tr("reflect.notice.so-far", vm.steps().iterations().size());
                    }
                    String s = vm.statusProperty().get();
                    if (!vm.steps().bestOfK().isEmpty() && vm.steps().bestChosenProperty().get() >= 0) {
                        Iteration pick = vm.steps().bestOfK().get(vm.steps().bestChosenProperty().get());
                        s = I18n.tr(pick.judgeCorrect() ? "reflect.notice.with-best.correct" : "reflect.notice.with-best.wrong", s,
                                vm.steps().bestOfK().size());
                    }
                    return s;
                }, vm.lastRunProperty(), vm.steps().iterations(), vm.statusProperty(), vm.steps().bestOfK(), vm.steps().bestChosenProperty()),
                I18n.tr("reflect.notice.look-for"),
                I18n.tr("reflect.notice.why", IterationMark.whyTheyDisagree()),
                "x_k \\sim G\\big(p,\\ \\{(x_j, f_j)\\}_{j<k}\\big),\\quad f_k = \\mathrm{critic}(x_k, p)",
                java.util.List.of("NFE", "critic", "judge", "context pairs", "guidance", "best-of-N", "Reflect-DiT"));
    }
}
