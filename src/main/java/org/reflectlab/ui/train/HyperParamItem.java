package org.reflectlab.ui.train;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** A hyperparameter as a PropertySheet row; edits go through the ViewModel's validation. */
final class HyperParamItem implements PropertySheet.Item {

    private final HyperParams.Param param;
    private final TrainViewModel vm;

    HyperParamItem(HyperParams.Param param, TrainViewModel vm) {
        this.param = param;
        this.vm = vm;
    }

    @Override
    public Class<?> getType() {
        return param.integer() ? Integer.class : Double.class;
    }

    @Override
    public String getCategory() {
        return param.category();
    }

    @Override
    public String getName() {
        return param.label();
    }

    @Override
    public String getDescription() {
        return param.description();
    }

    @Override
    public Object getValue() {
        Number n = param.value();
        return param.integer() ? (Object) n.intValue() : (Object) n.doubleValue();
    }

    @Override
    public void setValue(Object value) {
        if (value instanceof Number n && !n.equals(getValue())) {
            vm.hyper().set(param.key(), n);
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(param.valueProperty());
    }

    @Override
    public boolean isEditable() {
        return true;
    }
}
