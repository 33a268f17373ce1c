// The header's region picker switches as soon as a region is chosen (the 切换 button stays for no-script use).
document.addEventListener("DOMContentLoaded", () => {
  const select = document.getElementById("region-select");
  if (select) select.addEventListener("change", () => select.form.submit());
});
