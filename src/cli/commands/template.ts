export const register: import("../main.js").CommandModule["register"] = () => {};
