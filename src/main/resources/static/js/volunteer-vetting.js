// "Select all on this page" for the vetting queue; delegated, so it keeps working after htmx swaps the table.
document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches || !box.matches('[data-select-all]')) {
        return;
    }
    var form = box.form || document;
    form.querySelectorAll('input[type=checkbox][name="' + box.dataset.selectAll + '"]').forEach(function (item) {
        item.checked = box.checked;
    });
});
// after a swap the page shows new rows, none selected
document.addEventListener('htmx:afterSwap', function () {
    document.querySelectorAll('[data-select-all]').forEach(function (box) { box.checked = false; });
});
